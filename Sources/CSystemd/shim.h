#ifndef SPASM_CSYSTEMD_SHIM_H
#define SPASM_CSYSTEMD_SHIM_H

// Without this, sd-journal.h turns sd_journal_sendv into a macro that stamps the C caller's
// CODE_FILE/CODE_LINE; the log handler sends the Swift call site's location itself.
#define SD_JOURNAL_SUPPRESS_LOCATION 1

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <systemd/sd-bus.h>
#include <string.h>

// sd_bus_message_append and sd_bus_message_read are variadic, which Swift cannot call: these few
// readers and the property call are written out here instead.

// Properties.Get(interface, name) on `destination`, answered to `callback`. Never starts the service
// (auto-start off): asking whether dunst is paused must not launch dunst.
static inline int spasm_bus_get_property(sd_bus *bus, const char *destination, const char *path,
                                         const char *interface, const char *name,
                                         sd_bus_message_handler_t callback, void *userdata) {
    sd_bus_message *call = NULL;
    int r = sd_bus_message_new_method_call(bus, &call, destination, path, "org.freedesktop.DBus.Properties", "Get");
    if (r >= 0) r = sd_bus_message_append_basic(call, 's', interface);
    if (r >= 0) r = sd_bus_message_append_basic(call, 's', name);
    if (r >= 0) r = sd_bus_message_set_auto_start(call, 0);
    if (r >= 0) r = sd_bus_call_async(bus, NULL, call, callback, userdata, 0);
    sd_bus_message_unref(call);
    return r;
}

// A method without arguments (ScreenSaver.GetActive), not starting the service either.
static inline int spasm_bus_call(sd_bus *bus, const char *destination, const char *path, const char *interface,
                                 const char *member, sd_bus_message_handler_t callback, void *userdata) {
    sd_bus_message *call = NULL;
    int r = sd_bus_message_new_method_call(bus, &call, destination, path, interface, member);
    if (r >= 0) r = sd_bus_message_set_auto_start(call, 0);
    if (r >= 0) r = sd_bus_call_async(bus, NULL, call, callback, userdata, 0);
    sd_bus_message_unref(call);
    return r;
}

// A boolean argument (PrepareForSleep, ActiveChanged, GetActive's reply): 0 or 1, or negative.
static inline int spasm_bus_read_bool(sd_bus_message *message) {
    int value = 0;
    int r = sd_bus_message_read_basic(message, 'b', &value);
    return r > 0 ? (value != 0) : -1;
}

// A Properties.Get reply holding a boolean: 0 or 1, or negative.
static inline int spasm_bus_read_variant_bool(sd_bus_message *message) {
    if (sd_bus_message_enter_container(message, 'v', "b") <= 0) return -1;
    return spasm_bus_read_bool(message);
}

// A Properties.Get reply holding a string, or NULL; valid while the message lives.
static inline const char *spasm_bus_read_variant_string(sd_bus_message *message) {
    const char *value = NULL;
    if (sd_bus_message_enter_container(message, 'v', "s") <= 0) return NULL;
    return sd_bus_message_read_basic(message, 's', &value) > 0 ? value : NULL;
}

// PropertiesChanged(interface, changed, invalidated): the boolean `name` as changed (0 or 1),
// 2 when it is only named as invalidated (ask for it), -1 when the signal does not mention it.
static inline int spasm_bus_changed_bool(sd_bus_message *message, const char *interface, const char *name) {
    const char *changedInterface = NULL;
    if (sd_bus_message_read_basic(message, 's', &changedInterface) <= 0) return -1;
    if (interface && strcmp(changedInterface, interface) != 0) return -1;
    int found = -1;
    if (sd_bus_message_enter_container(message, 'a', "{sv}") <= 0) return -1;
    while (sd_bus_message_enter_container(message, 'e', "sv") > 0) {
        const char *key = NULL;
        if (sd_bus_message_read_basic(message, 's', &key) <= 0) return -1;
        if (strcmp(key, name) == 0) {
            found = spasm_bus_read_variant_bool(message);
            if (found < 0) return -1;
            sd_bus_message_exit_container(message);
        } else {
            sd_bus_message_skip(message, "v");
        }
        sd_bus_message_exit_container(message);
    }
    sd_bus_message_exit_container(message);
    if (found >= 0) return found;
    if (sd_bus_message_enter_container(message, 'a', "s") <= 0) return -1;
    const char *invalidated = NULL;
    while (sd_bus_message_read_basic(message, 's', &invalidated) > 0) {
        if (strcmp(invalidated, name) == 0) return 2;
    }
    return -1;
}

#endif
