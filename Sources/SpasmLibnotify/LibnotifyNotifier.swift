import CNotify
import SpasmNotify
import Foundation

/// Shows notifications through libnotify on the session bus, for a real desktop.
///
/// libnotify is synchronous and delivers actions and closings through a GLib main loop, so all of
/// it runs on one thread of its own: calls hand their work over and return at once, and what
/// happens comes back as events on `eventDescriptor`. The server's presence is watched with
/// `g_bus_watch_name`; when it leaves, what it showed is gone (`.serverVanished`, no `.closed`
/// for each). libnotify keeps one connection per process, so keep one of these per process.
public final class LibnotifyNotifier: Notifier, @unchecked Sendable {
    public var eventDescriptor: Int32 { events.descriptor }
    private let events = NotifierEventQueue()
    private let loop: NotificationLoop

    /// `appName` is the sender's name and its desktop entry ("spasm" for spasm.desktop).
    public init(appName: String) {
        loop = NotificationLoop(appName: appName, events: events)
    }

    deinit { loop.stop() }

    /// Whether this process can connect to its session bus at all (else no server can ever appear).
    public static func sessionBusReachable() -> Bool {
        var error: UnsafeMutablePointer<GError>?
        guard let connection = g_bus_get_sync(G_BUS_TYPE_SESSION, nil, &error) else {
            g_clear_error(&error)
            return false
        }
        g_object_unref(UnsafeMutableRawPointer(connection))
        return true
    }

    public func takeEvents() -> [NotifierEvent] { events.take() }

    public func show(_ notification: DesktopNotification) {
        loop.perform { $0.show(notification) }
    }

    public func close(key: String) {
        loop.perform { $0.close(key: key) }
    }
}

/// The GLib thread: its main context, the bus-name watch and every NotifyNotification on screen.
/// Everything but `perform` and `stop` runs on that thread only.
private final class NotificationLoop: @unchecked Sendable {
    private let appName: String
    private let events: NotifierEventQueue
    private let context: OpaquePointer
    private let mainLoop: OpaquePointer
    private let finished = DispatchSemaphore(value: 0)
    /// Each holds the reference from notify_notification_new until the server closes it.
    private var onScreen: [String: UnsafeMutablePointer<NotifyNotification>] = [:]
    /// The server's id for each key shown lately, on screen or not, so a notification that replaces
    /// it takes its place (in the server's list or history too) instead of stacking. Kept small.
    private var serverIDs: [String: Int32] = [:]
    /// What the server said it can do when it appeared; nil while none is known.
    private var capabilities: Set<String>?
    private var serverPresent = false

    init(appName: String, events: NotifierEventQueue) {
        self.appName = appName
        self.events = events
        context = g_main_context_new()
        mainLoop = g_main_loop_new(context, 0)
        let thread = Thread { [self] in run() }
        thread.name = "notifications"
        thread.start()
    }

    /// Runs `work` on the GLib thread, after what was handed over before it.
    func perform(_ work: @escaping @Sendable (NotificationLoop) -> Void) {
        let job = Unmanaged.passRetained(Job { work(self) }).toOpaque()
        g_main_context_invoke_full(context, G_PRIORITY_DEFAULT, { data in
            Unmanaged<Job>.fromOpaque(data!).takeUnretainedValue().body()
            return 0  // G_SOURCE_REMOVE
        }, job, { data in Unmanaged<Job>.fromOpaque(data!).release() })
    }

    /// Ends the loop and waits for the thread; notifications stay on screen without their actions.
    func stop() {
        perform { g_main_loop_quit($0.mainLoop) }
        finished.wait()
    }

    private func run() {
        // Signals are the owner's business (spasmd reads them from a signalfd): none may land on this
        // thread or on GDBus's worker, which inherits this mask.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        g_main_context_push_thread_default(context)
        notify_init(appName)
        // GIO calls back on this thread's default context: first with the current state (vanished
        // when no server or no bus at all), then on each change.
        let watch = g_bus_watch_name(G_BUS_TYPE_SESSION, "org.freedesktop.Notifications", G_BUS_NAME_WATCHER_FLAGS_NONE, { _, _, _, data in
            NotificationLoop.from(data).serverAppeared()
        }, { _, _, data in
            NotificationLoop.from(data).serverVanished()
        }, Unmanaged.passUnretained(self).toOpaque(), nil)
        g_main_loop_run(mainLoop)
        g_bus_unwatch_name(watch)
        dropAll()
        notify_uninit()
        g_main_context_pop_thread_default(context)
        g_main_loop_unref(mainLoop)
        g_main_context_unref(context)
        finished.signal()
    }

    private static func from(_ data: UnsafeMutableRawPointer?) -> NotificationLoop {
        Unmanaged<NotificationLoop>.fromOpaque(data!).takeUnretainedValue()
    }

    // MARK: The server

    private func serverAppeared() {
        serverPresent = true
        capabilities = readCapabilities()
        events.post(.serverAppeared)
    }

    private func serverVanished() {
        serverPresent = false
        capabilities = nil
        dropAll()
        events.post(.serverVanished)
    }

    private func readCapabilities() -> Set<String>? {
        guard let list = notify_get_server_caps() else { return nil }
        defer { g_list_free_full(list, g_free) }
        var names = Set<String>()
        var node: UnsafeMutablePointer<GList>? = list
        while let item = node {
            if let name = item.pointee.data { names.insert(String(cString: name.assumingMemoryBound(to: CChar.self))) }
            node = item.pointee.next
        }
        return names
    }

    // MARK: Notifications

    func show(_ requested: DesktopNotification) {
        if serverPresent, capabilities == nil { capabilities = readCapabilities() }
        let wanted = capabilities.map { requested.adapted(toCapabilities: $0) } ?? requested
        // The same key, or one it replaces that is still on screen: update that one in place.
        let replacedKey = wanted.replaces.first { onScreen[$0] != nil }
        let existing = onScreen[wanted.key] ?? replacedKey.flatMap { onScreen.removeValue(forKey: $0) }
        if existing != nil, let replacedKey, onScreen[wanted.key] == nil {
            g_object_set_data_full(object(existing!), Self.keyField, g_strdup(wanted.key), g_free)
            serverIDs[replacedKey] = nil
        }
        for key in wanted.replaces where key != replacedKey { close(key: key) }
        let notification: UnsafeMutablePointer<NotifyNotification>
        if let existing {
            // The same NotifyNotification keeps its server id, so the server replaces it in place.
            notify_notification_update(existing, wanted.summary, wanted.body, wanted.icon)
            notify_notification_clear_hints(existing)
            notify_notification_clear_actions(existing)
            notification = existing
        } else {
            notification = makeNotification(wanted)
            // Gone from the screen, but the server may keep it in a list: replace it there.
            if let id = ([wanted.key] + wanted.replaces).lazy.compactMap({ self.serverIDs[$0] }).first {
                spasm_notification_set_id(notification, id)
            }
        }
        configure(notification, as: wanted)
        var error: UnsafeMutablePointer<GError>?
        if notify_notification_show(notification, &error) != 0 {
            onScreen[wanted.key] = notification
            if serverIDs.count > 64 { serverIDs.removeAll() }
            serverIDs[wanted.key] = spasm_notification_id(notification)
            events.post(.shown(key: wanted.key))
        } else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "the notification server refused it"
            g_clear_error(&error)
            if existing == nil { g_object_unref(notification) }
            events.post(.failed(key: wanted.key, reason: reason))
        }
    }

    func close(key: String) {
        guard let notification = onScreen[key] else { return }
        // The server answers with NotificationClosed, which posts `.closed`.
        var error: UnsafeMutablePointer<GError>?
        notify_notification_close(notification, &error)
        g_clear_error(&error)
    }

    private func makeNotification(_ wanted: DesktopNotification) -> UnsafeMutablePointer<NotifyNotification> {
        let notification = notify_notification_new(wanted.summary, wanted.body, wanted.icon)!
        g_object_set_data_full(object(notification), Self.keyField, g_strdup(wanted.key), g_free)
        let closed: @convention(c) (UnsafeMutablePointer<NotifyNotification>?, UnsafeMutableRawPointer?) -> Void = { notification, data in
            NotificationLoop.from(data).closed(notification!)
        }
        g_signal_connect_data(UnsafeMutableRawPointer(notification), "closed", unsafeBitCast(closed, to: GCallback.self),
                              Unmanaged.passUnretained(self).toOpaque(), nil, GConnectFlags(rawValue: 0))
        return notification
    }

    private func configure(_ notification: UnsafeMutablePointer<NotifyNotification>, as wanted: DesktopNotification) {
        notify_notification_set_urgency(notification, NotifyUrgency(rawValue: UInt32(wanted.urgency.rawValue)))
        if let category = wanted.category { notify_notification_set_category(notification, category) }
        notify_notification_set_hint_string(notification, "desktop-entry", appName)
        // A critical reminder waits for the user; the rest follow the server's own timeout.
        notify_notification_set_timeout(notification, wanted.urgency == .critical ? NOTIFY_EXPIRES_NEVER : NOTIFY_EXPIRES_DEFAULT)
        for action in wanted.actions {
            notify_notification_add_action(notification, action.key, action.label, { notification, action, data in
                NotificationLoop.from(data).invoked(notification!, action: String(cString: action!))
            }, Unmanaged.passUnretained(self).toOpaque(), nil)
        }
    }

    private func invoked(_ notification: UnsafeMutablePointer<NotifyNotification>, action: String) {
        guard let key = Self.key(of: notification) else { return }
        events.post(.action(key: key, action: action))
    }

    private func closed(_ notification: UnsafeMutablePointer<NotifyNotification>) {
        guard let key = Self.key(of: notification), onScreen[key] == notification else { return }
        onScreen[key] = nil
        events.post(.closed(key: key))
        // Not during libnotify's own signal emission: release it once that has returned (the
        // source's destroy notify runs after it fires, or when the loop ends first).
        let idle = g_idle_source_new()
        g_source_set_callback(idle, { _ in 0 }, UnsafeMutableRawPointer(notification), g_object_unref)
        g_source_attach(idle, context)
        g_source_unref(idle)
    }

    /// Forgets every notification (the server that showed them is gone, or the loop ends).
    private func dropAll() {
        let selfPointer = Unmanaged.passUnretained(self).toOpaque()
        for notification in onScreen.values {
            g_signal_handlers_disconnect_matched(UnsafeMutableRawPointer(notification), G_SIGNAL_MATCH_DATA, 0, 0, nil, nil, selfPointer)
            g_object_unref(notification)
        }
        onScreen.removeAll()
    }

    private static let keyField = "spasm-key"

    private static func key(of notification: UnsafeMutablePointer<NotifyNotification>) -> String? {
        g_object_get_data(object(notification), keyField).map { String(cString: $0.assumingMemoryBound(to: CChar.self)) }
    }
}

/// A NotifyNotification as the GObject it is.
private func object(_ notification: UnsafeMutablePointer<NotifyNotification>) -> UnsafeMutablePointer<GObject> {
    UnsafeMutableRawPointer(notification).assumingMemoryBound(to: GObject.self)
}

/// Work handed to the GLib thread.
private final class Job {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
