/* What libnotify costs an idle process, for spasmd's memory budget. Modes:
 *   loop  notify_init and a GMainLoop on a second thread (as spasmd runs it), then sleeping;
 *   bus   the same, also watching org.freedesktop.Notifications on the session bus (GDBus's
 *         connection and its worker threads);
 *   bare  linked against libnotify, but nothing started.
 * Built with -DPLAIN it links nothing: a C process that only sleeps, the floor for any process here. */
#include <string.h>
#include <unistd.h>
#ifndef PLAIN
#include <libnotify/notify.h>
#include <pthread.h>

static int watch_bus;

static void appeared(GDBusConnection *c, const gchar *name, const gchar *owner, gpointer data) {}
static void vanished(GDBusConnection *c, const gchar *name, gpointer data) {}

static void *loop_thread(void *unused) {
    GMainContext *context = g_main_context_new();
    g_main_context_push_thread_default(context);
    notify_init("spasmd");
    if (watch_bus)
        g_bus_watch_name(G_BUS_TYPE_SESSION, "org.freedesktop.Notifications", G_BUS_NAME_WATCHER_FLAGS_NONE,
                         appeared, vanished, NULL, NULL);
    g_main_loop_run(g_main_loop_new(context, FALSE));
    return NULL;
}
#endif

int main(int argc, char **argv) {
#ifndef PLAIN
    const char *mode = argc > 1 ? argv[1] : "loop";
    watch_bus = strcmp(mode, "bus") == 0;
    if (strcmp(mode, "bare") != 0) {
        pthread_t thread;
        pthread_create(&thread, NULL, loop_thread, NULL);
    }
#endif
    for (;;) pause();
}
