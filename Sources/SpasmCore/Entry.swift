import Foundation

/// The store's identifier of an entry, shown to the user ("spasm edit 42").
public typealias EntryID = Int64

/// One thing the user recorded: an episode, a caffeinated drink, a treatment, an activity or a weekly check-in.
public struct Entry: Sendable, Equatable {
    /// Assigned by the journal; nil before the entry is saved.
    public var id: EntryID?
    /// Chosen by whoever creates the entry, so a write retried after a lost reply is recognised.
    public var uuid: UUID
    /// When it happened (an episode: when it started).
    public var at: Date
    /// Seconds east of UTC where the user was at `at`: the clock time they saw is kept with the entry.
    public var utcOffset: Int
    public var note: String?
    public var body: Body

    public enum Body: Sendable, Equatable {
        case episode(Episode)
        case caffeine(CaffeineIntake)
        case treatment(Treatment)
        case activity(Activity)
        case checkin(CheckIn)
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case episode, caffeine, treatment, activity, checkin
    }

    public init(id: EntryID? = nil, uuid: UUID = UUID(), at: Date, utcOffset: Int, note: String? = nil, body: Body) {
        self.id = id
        self.uuid = uuid
        self.at = at
        self.utcOffset = utcOffset
        self.note = note
        self.body = body
    }

    public var kind: Kind {
        switch body {
        case .episode: .episode
        case .caffeine: .caffeine
        case .treatment: .treatment
        case .checkin: .checkin
        case .activity: .activity
        }
    }

    public var episode: Episode? { if case .episode(let e) = body { e } else { nil } }
    public var caffeine: CaffeineIntake? { if case .caffeine(let c) = body { c } else { nil } }
    public var treatment: Treatment? { if case .treatment(let t) = body { t } else { nil } }
    public var checkin: CheckIn? { if case .checkin(let c) = body { c } else { nil } }
    public var activity: Activity? { if case .activity(let a) = body { a } else { nil } }

    /// The earliest time an entry may have: 1900-01-01 00:00 UTC. Before it, time zones had no
    /// agreed offsets and a date would shift by a day or more; no one logs a spasm from then.
    public static let earliest = Date(timeIntervalSince1970: Double(CivilTime.days(year: 1900, month: 1, day: 1)) * 86_400)
    /// UTC offsets run from -12:00 to +14:00; 18 hours either way is what ISO 8601 allows at most.
    public static let utcOffsetRange = -18 * 3600...18 * 3600

    /// The one gate every entry passes on its way into the journal, whichever door it came through
    /// (the CLI, `spasm import`, a Varlink `Add` or `Update`): everything `validate()` checks, and
    /// that its times lie between `earliest` and `now` with offsets in range.
    public func validate(now: Date) throws(InputError) {
        try validate()
        try Self.checkTime(at, utcOffset: utcOffset, parameter: "at", now: now)
        if let episode, let ended = episode.endedAt {
            try Self.checkTime(ended, utcOffset: episode.endedUTCOffset ?? utcOffset, parameter: "end", now: now)
        }
    }

    private static func checkTime(_ time: Date, utcOffset: Int, parameter: String, now: Date) throws(InputError) {
        guard utcOffsetRange.contains(utcOffset) else {
            throw InputError("\(parameter) offset", "\(utcOffset) seconds is not a UTC offset", hint: "offsets run from -18:00 to +18:00")
        }
        guard time.timeIntervalSince1970.isFinite, time >= earliest else {
            throw InputError(parameter, "is before 1900", hint: "give a date from 1900 on")
        }
        guard time <= now else {
            throw InputError(parameter, "\(CivilTime(time, utcOffset: utcOffset).iso8601) is in the future (it is \(CivilTime(now, utcOffset: utcOffset).iso8601) now)",
                             hint: "an entry records something that has happened")
        }
    }

    /// Checks everything that does not depend on the clock, whoever built the entry (the CLI, a
    /// Varlink client, an import): the note, tags and names, an end after the start, amounts in range.
    public func validate() throws(InputError) {
        if let note { try TextField.validateNote(note) }
        switch body {
        case .episode(let episode):
            for tag in episode.triggers { try TextField.validateLabel(tag, parameter: "episode.triggers") }
            if let ended = episode.endedAt, ended < at {
                throw InputError("end", "is before the episode started", hint: "an episode ends after it starts")
            }
        case .caffeine(let caffeine):
            guard caffeine.milligrams.isFinite, (0...CaffeineIntake.hardLimitMg).contains(caffeine.milligrams) else {
                throw InputError("caffeine.milligrams", "\(caffeine.milligrams) is not an amount of caffeine spasm can record",
                                 hint: "use 0 to \(Int(CaffeineIntake.hardLimitMg)) mg")
            }
            guard caffeine.servings.isFinite, caffeine.servings > 0, caffeine.servings <= 50 else {
                throw InputError("caffeine.servings", "\(caffeine.servings) is not a number of servings", hint: "use more than 0 and at most 50")
            }
            if let drink = caffeine.drink { try TextField.validateLabel(drink, parameter: "caffeine.drink") }
        case .treatment(let treatment):
            // Re-run the checking initializer: a decoded or edited treatment must meet the same rules.
            _ = try Treatment(kind: treatment.kind, minutes: treatment.minutes, relief: treatment.relief, name: treatment.name)
        case .checkin(let checkin):
            _ = try CheckIn(pain: checkin.pain, enjoyment: checkin.enjoyment, activity: checkin.activity)
        case .activity(let activity):
            // The same rules as a typed one, and the name already in its stored (tag) form.
            let checked = try Activity(name: activity.name, minutes: activity.minutes)
            guard checked.name == activity.name else {
                throw InputError("activity.name", "'\(activity.name)' is not in its stored form", hint: "use '\(checked.name)'")
            }
        }
    }
}

/// A spasm episode.
public struct Episode: Sendable, Equatable {
    public var region: BodyRegion
    public var side: BodySide?
    public var severity: Severity
    /// What the user was doing before it, as lower-cased tags ("lifting", "desk work").
    public var triggers: [String]
    public var redFlags: [RedFlag]
    /// When it ended; nil while it is still going on.
    public var endedAt: Date?
    /// The UTC offset at `endedAt`.
    public var endedUTCOffset: Int?

    public init(region: BodyRegion, side: BodySide? = nil, severity: Severity, triggers: [String] = [],
                redFlags: [RedFlag] = [], endedAt: Date? = nil, endedUTCOffset: Int? = nil) {
        self.region = region
        self.side = side
        self.severity = severity
        self.triggers = Self.unique(triggers)
        self.redFlags = Self.unique(redFlags)
        self.endedAt = endedAt
        self.endedUTCOffset = endedUTCOffset
    }

    public var isOpen: Bool { endedAt == nil }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// A caffeinated drink or an amount of caffeine.
public struct CaffeineIntake: Sendable, Equatable, Codable {
    /// No entry, even with --force, holds more than this: beyond it a number is a slip, not a drink.
    public static let hardLimitMg = 10_000.0

    /// Total milligrams in this entry (servings included).
    public var milligrams: Double
    /// The drink's name from the catalogue, or nil for a bare amount ("120mg").
    public var drink: String?
    public var servings: Double

    public init(milligrams: Double, drink: String? = nil, servings: Double = 1) {
        self.milligrams = milligrams
        self.drink = drink
        self.servings = servings
    }
}
