/// One notification as spasmd asks for it, independent of the server that shows it. (Codable so
/// it can be logged or handed to a notifier in another process.)
public struct DesktopNotification: Sendable, Equatable, Codable {
    /// The freedesktop urgency levels (low 0, normal 1, critical 2).
    public enum Urgency: UInt8, Sendable, Equatable, Codable {
        case low = 0, normal = 1, critical = 2
    }

    /// A button: `key` comes back in `NotifierEvent.action`, `label` is what the user reads.
    public struct Action: Sendable, Equatable, Codable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    /// The sender's name for it ("r17"); events carry it back. Showing a key already on screen
    /// replaces that notification instead of adding a second one.
    public var key: String
    public var summary: String
    public var body: String
    public var urgency: Urgency
    /// The freedesktop category hint ("x-spasm.reminder.ice").
    public var category: String?
    /// A freedesktop icon name ("appointment-soon").
    public var icon: String?
    public var actions: [Action]
    /// Added to the body when the server cannot show actions ("Done: spasm done 17").
    public var withoutActions: String?
    /// Keys of earlier notifications this one takes the place of (a reminder shown again after a
    /// snooze, or grouped with newer ones): the server replaces the first instead of stacking a new one.
    public var replaces: [String]

    public init(key: String, summary: String, body: String, urgency: Urgency, category: String? = nil,
                icon: String? = nil, actions: [Action] = [], withoutActions: String? = nil, replaces: [String] = []) {
        self.key = key
        self.summary = summary
        self.body = body
        self.urgency = urgency
        self.category = category
        self.icon = icon
        self.actions = actions
        self.withoutActions = withoutActions
        self.replaces = replaces
    }
}

/// What happened to notifications, reported back to spasmd's loop.
public enum NotifierEvent: Sendable, Equatable, Codable {
    /// The server took the notification.
    case shown(key: String)
    /// No server took it (none on the bus, or a D-Bus error); spasmd retries later.
    case failed(key: String, reason: String)
    /// The user chose an action.
    case action(key: String, action: String)
    /// Dismissed, expired or closed by spasmd.
    case closed(key: String)
    /// A notification server now owns org.freedesktop.Notifications (first seen or restarted).
    case serverAppeared
    /// The server left the bus; what it showed is gone.
    case serverVanished
}

/// Shows desktop notifications and reports what the user does with them.
///
/// Calls return at once; their outcome arrives as events. `eventDescriptor` becomes readable when
/// events wait, so spasmd's single-threaded loop can watch it like any other file descriptor.
public protocol Notifier: AnyObject, Sendable {
    /// Readable while `takeEvents()` has something to return.
    var eventDescriptor: Int32 { get }
    /// The events since the last call, oldest first.
    func takeEvents() -> [NotifierEvent]
    /// Shows (or replaces) a notification.
    func show(_ notification: DesktopNotification)
    /// Closes a notification spasmd showed, if it is still on screen.
    func close(key: String)
}
