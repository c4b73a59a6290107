import Foundation

/// Why the desktop holds reminders back for now.
public enum HoldReason: String, Sendable, Codable, CaseIterable {
    /// The screen is locked: nobody is there to read a notification.
    case locked = "screen locked"
    /// The desktop's do-not-disturb is on: the server would file a notification away unseen.
    case doNotDisturb = "do-not-disturb"
}

/// What the desktop says about showing a notification now, as spasmd last read it from the buses.
public struct DesktopState: Sendable, Equatable {
    public var doNotDisturb: Bool
    public var locked: Bool

    public init(doNotDisturb: Bool = false, locked: Bool = false) {
        self.doNotDisturb = doNotDisturb
        self.locked = locked
    }

    /// Why reminders wait, or nil when they need not. A locked screen names the hold when both
    /// apply: unlocking is what the user will do first.
    public var hold: HoldReason? { locked ? .locked : doNotDisturb ? .doNotDisturb : nil }
}

/// The desktop's holds over time, as the planner reads them: the one in force, and those that ended
/// in the past day, so a reminder that fell due inside one is judged at its end, as after quiet hours.
public struct DesktopHolds: Sendable, Equatable {
    /// A hold in force: since when, and why.
    public struct Hold: Sendable, Equatable {
        public var since: Date
        public var reason: HoldReason
    }

    public private(set) var current: Hold?
    /// Holds that ended, oldest first, within `CarePlanner.lookback` of the latest change.
    public private(set) var ended: [PauseWindow] = []

    public init() {}

    /// The desktop is in `state` from `now` on. A hold that goes on for another reason keeps its start.
    public mutating func update(_ state: DesktopState, at now: Date) {
        switch (current, state.hold) {
        case (nil, let reason?):
            current = Hold(since: now, reason: reason)
        case (let hold?, nil):
            ended.append(PauseWindow(from: hold.since, until: now))
            current = nil
        case (var hold?, let reason?):
            hold.reason = reason
            current = hold
        case (nil, nil):
            break
        }
        ended.removeAll { $0.until < now - CarePlanner.lookback }
    }

    /// Whether a non-critical reminder due at `due` waits for the hold in force: it fell due during
    /// it, or it was due and not yet past use when it began.
    func holds(_ due: Date, now: Date, missedAfter: TimeInterval) -> Bool {
        guard let current, due <= now else { return false }
        return due >= current.since || now.timeIntervalSince(due) <= missedAfter
    }
}
