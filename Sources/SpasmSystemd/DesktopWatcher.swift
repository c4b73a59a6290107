import Logging

/// Follows, through D-Bus signals and never by polling, whether the desktop wants notifications held
/// back, and when the machine sleeps:
///
/// - do-not-disturb: dunst's `paused` (org.dunstproject.cmd0) and KDE Plasma's `Inhibited`
///   (org.freedesktop.Notifications), both properties of the notification server, read when a server
///   appears and followed through PropertiesChanged; GNOME's `show-banners` setting, re-read (by the
///   `gnomeBanners` reader) whenever dconf announces a write under /org/gnome/desktop/notifications/;
/// - a locked screen: logind's LockedHint on the user's display session (system bus), and the
///   org.freedesktop.ScreenSaver / org.gnome.ScreenSaver ActiveChanged signals (session bus);
/// - suspend and resume: logind's PrepareForSleep (system bus).
///
/// Each source counts alone: do-not-disturb is on while any source says so, the screen is locked
/// while any says so. A bus that cannot be reached leaves its sources off.
///
/// Stretchly asks for do-not-disturb once a second and Safe Eyes looks only when a break is due (and
/// then skips it); signals cost spasmd no wakeup at rest, and a reminder is held, not dropped.
public final class DesktopWatcher {
    /// The session and system buses, for the owner's loop to poll (either may be missing).
    public private(set) var buses: [BusConnection] = []
    /// Do-not-disturb and the lock changed (both as they stand now).
    public var onChange: (_ doNotDisturb: Bool, _ locked: Bool) -> Void = { _, _ in }
    /// PrepareForSleep: true before a suspend, false on resume.
    public var onSleep: (_ sleeping: Bool) -> Void = { _ in }

    private let logger: Logger
    private let gnomeBanners: (() -> Bool?)?
    private var doNotDisturb: [String: Bool] = [:]
    private var locked: [String: Bool] = [:]
    private var reported = (doNotDisturb: false, locked: false)
    /// Questions asked on the buses and not answered yet (the state at start is known once none are).
    public private(set) var unanswered = 0

    static let notifications = "org.freedesktop.Notifications"
    static let notificationsPath = "/org/freedesktop/Notifications"
    static let dunst = "org.dunstproject.cmd0"
    static let login = "org.freedesktop.login1"
    static let gnomeNotifications = "/org/gnome/desktop/notifications/"

    /// - Parameter gnomeBanners: reads GNOME's org.gnome.desktop.notifications show-banners (nil: unknown);
    ///   nil when this desktop has no such setting to follow.
    public init(logger: Logger, gnomeBanners: (() -> Bool?)? = nil) {
        self.logger = logger
        self.gnomeBanners = gnomeBanners
    }

    /// Connects, installs the matches and asks for the current state; answers arrive through `onChange`.
    public func start() {
        do {
            let session = try BusConnection(.session)
            try watchNotificationServer(on: session)
            try watchScreenSavers(on: session)
            if gnomeBanners != nil { try watchGnomeSettings(on: session) }
            buses.append(session)
        } catch {
            logger.info("desktop state: no session bus (\(error)); do-not-disturb is not followed")
        }
        do {
            let system = try BusConnection(.system)
            try watchLogind(on: system)
            buses.append(system)
        } catch {
            logger.info("desktop state: no system bus (\(error)); the lock and suspend are followed on the session bus only")
        }
    }

    // MARK: - Do-not-disturb

    private func watchNotificationServer(on bus: BusConnection) throws {
        try bus.onSignal("type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='\(Self.notifications)'") { [unowned self, unowned bus] message in
            _ = message.string()
            _ = message.string()
            // A new server (or none): what the old one said no longer holds.
            set(\.doNotDisturb, "dunst", false)
            set(\.doNotDisturb, "plasma", false)
            if let owner = message.string(), !owner.isEmpty { readNotificationServer(on: bus) }
        }
        for (interface, name, source) in [(Self.dunst, "paused", "dunst"), (Self.notifications, "Inhibited", "plasma")] {
            try bus.onSignal(Self.propertiesChanged(path: Self.notificationsPath, interface: interface)) { [unowned self, unowned bus] message in
                switch message.changedBool(interface: interface, name: name) {
                case .value(let on): set(\.doNotDisturb, source, on)
                case .invalidated: read(bus, Self.notifications, Self.notificationsPath, interface, name, into: \.doNotDisturb, source)
                case .unmentioned: break
                }
            }
        }
        readNotificationServer(on: bus)
    }

    private func readNotificationServer(on bus: BusConnection) {
        read(bus, Self.notifications, Self.notificationsPath, Self.dunst, "paused", into: \.doNotDisturb, "dunst")
        read(bus, Self.notifications, Self.notificationsPath, Self.notifications, "Inhibited", into: \.doNotDisturb, "plasma")
    }

    private func watchGnomeSettings(on bus: BusConnection) throws {
        try bus.onSignal("type='signal',interface='ca.desrt.dconf.Writer',member='Notify'") { [unowned self] message in
            guard let prefix = message.string(),
                  prefix.hasPrefix(Self.gnomeNotifications) || Self.gnomeNotifications.hasPrefix(prefix) else { return }
            readGnomeBanners()
        }
        readGnomeBanners()
    }

    private func readGnomeBanners() {
        guard let banners = gnomeBanners?() else { return }
        set(\.doNotDisturb, "gnome", !banners)
    }

    // MARK: - The lock and sleep

    private func watchScreenSavers(on bus: BusConnection) throws {
        for (name, path) in [("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"), ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")] {
            try bus.onSignal("type='signal',interface='\(name)',member='ActiveChanged'") { [unowned self] message in
                if let active = message.bool() { set(\.locked, name, active) }
            }
            unanswered += 1
            bus.call(name, path: path, interface: name, member: "GetActive") { [unowned self] reply in
                unanswered -= 1
                if let active = reply?.bool() { set(\.locked, name, active) }
            }
        }
    }

    private func watchLogind(on bus: BusConnection) throws {
        try bus.onSignal("type='signal',sender='\(Self.login)',interface='org.freedesktop.login1.Manager',member='PrepareForSleep'") { [unowned self] message in
            guard let sleeping = message.bool() else { return }
            logger.info(sleeping ? "the machine is going to sleep" : "the machine woke up")
            onSleep(sleeping)
        }
        // "auto": the caller's session, or (for a user service, which has none) the user's display session.
        unanswered += 1
        bus.property(of: Self.login, path: "/org/freedesktop/login1/session/auto", interface: "org.freedesktop.login1.Session",
                     name: "Id") { [unowned self, unowned bus] reply in
            unanswered -= 1
            guard let id = reply?.variantString(), let path = busPath("/org/freedesktop/login1/session", id) else {
                logger.info("desktop state: no logind session to follow the lock of")
                return
            }
            do {
                try bus.onSignal(Self.propertiesChanged(path: path, interface: "org.freedesktop.login1.Session", sender: Self.login)) { [unowned self, unowned bus] message in
                    switch message.changedBool(interface: "org.freedesktop.login1.Session", name: "LockedHint") {
                    case .value(let on): set(\.locked, "logind", on)
                    case .invalidated: read(bus, Self.login, path, "org.freedesktop.login1.Session", "LockedHint", into: \.locked, "logind")
                    case .unmentioned: break
                    }
                }
            } catch {
                logger.warning("desktop state: cannot follow the session's lock: \(error)")
            }
            read(bus, Self.login, path, "org.freedesktop.login1.Session", "LockedHint", into: \.locked, "logind")
        }
    }

    // MARK: - State

    private func read(_ bus: BusConnection, _ destination: String, _ path: String, _ interface: String, _ name: String,
                      into state: ReferenceWritableKeyPath<DesktopWatcher, [String: Bool]>, _ source: String) {
        unanswered += 1
        bus.property(of: destination, path: path, interface: interface, name: name) { [unowned self] reply in
            unanswered -= 1
            // No such server or property: that source says nothing, which is "off".
            set(state, source, reply?.variantBool() ?? false)
        }
    }

    private func set(_ state: ReferenceWritableKeyPath<DesktopWatcher, [String: Bool]>, _ source: String, _ on: Bool) {
        guard self[keyPath: state][source] != on else { return }
        self[keyPath: state][source] = on
        logger.debug("desktop state", metadata: ["source": "\(source)", "on": "\(on)"])
        let now = (doNotDisturb: doNotDisturb.values.contains(true), locked: locked.values.contains(true))
        guard now != reported else { return }
        reported = now
        onChange(now.doNotDisturb, now.locked)
    }

    private static func propertiesChanged(path: String, interface: String, sender: String? = nil) -> String {
        "type='signal',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged',path='\(path)',arg0='\(interface)'"
            + (sender.map { ",sender='\($0)'" } ?? "")
    }
}
