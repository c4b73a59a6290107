// libnotify shows the notifications; GIO (which libnotify already uses) watches the bus name and
// runs the main loop that delivers libnotify's signals.
#ifndef SPASM_CNOTIFY_SHIM_H
#define SPASM_CNOTIFY_SHIM_H
#include <libnotify/notify.h>
#include <gio/gio.h>
#endif
