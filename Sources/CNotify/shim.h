// libnotify shows the notifications; GIO (which libnotify already uses) watches the bus name and
// runs the main loop that delivers libnotify's signals.
#ifndef SPASM_CNOTIFY_SHIM_H
#define SPASM_CNOTIFY_SHIM_H
#include <libnotify/notify.h>
#include <gio/gio.h>

// The server's id of a notification: libnotify sends it as replaces_id on the next show, so the
// server replaces that notification. g_object_get/set are variadic, which Swift cannot call.
static inline gint spasm_notification_id(NotifyNotification *notification) {
    gint id = 0;
    g_object_get(notification, "id", &id, NULL);
    return id;
}

static inline void spasm_notification_set_id(NotifyNotification *notification, gint id) {
    g_object_set(notification, "id", id, NULL);
}
#endif
