/// One suggestion drawn from the journal, with the numbers behind it. Never a diagnosis, never a dose.
public struct Advice: Sendable, Equatable, Codable {
    /// Which rule fired: a stable id, so a notifier can show the same suggestion at most once a week.
    public var rule: Rule
    public var kind: Kind
    /// A short line: what to do.
    public var title: String
    /// Why, with the numbers and the rule's minimum sample, in sentences a user can check.
    public var reason: String
    /// The least data the rule needs before it says anything.
    public var minimumSample: String
    /// The numbers in `reason`, for scripts.
    public var evidence: [Figure]
    /// The entries the suggestion is about (the red-flag episodes to acknowledge), else empty.
    public var entries: [EntryID]

    public init(rule: Rule, kind: Kind, title: String, reason: String, minimumSample: String,
                evidence: [Figure] = [], entries: [EntryID] = []) {
        self.rule = rule
        self.kind = kind
        self.title = title
        self.reason = reason
        self.minimumSample = minimumSample
        self.evidence = evidence
        self.entries = entries
    }

    /// How urgent a suggestion is; the cases are in order, most urgent first.
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        /// Urgent care now: a red flag.
        case urgent
        /// See a doctor within days: a "soon" red flag.
        case doctorSoon = "doctor-soon"
        /// See a specialist, or talk to the prescriber or a doctor about a medicine.
        case specialist
        /// Change something: an activity, caffeine, the PT routine.
        case modify
        /// What has helped so far.
        case helps
        /// Not enough data yet: what the journal needs before a rule can say anything.
        case dataNeeded = "data-needed"

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// A number behind a suggestion: `name` of `subject` (a trigger, a treatment), or of the rule itself.
    public struct Figure: Sendable, Equatable, Codable {
        public var name: String
        public var value: Double
        public var subject: String?

        public init(_ name: String, _ value: Double, subject: String? = nil) {
            self.name = name
            self.value = value
            self.subject = subject
        }
    }

    /// The value of figure `name` (of `subject`), if the suggestion has one.
    public func figure(_ name: String, subject: String? = nil) -> Double? {
        evidence.first { $0.name == name && $0.subject == subject }?.value
    }
}

extension Advice {
    /// A rule's stable id, e.g. "specialist.severe-twice-14d".
    public struct Rule: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let urgentRedFlag = Rule(rawValue: "urgent.red-flag")
        public static let soonRedFlag = Rule(rawValue: "soon.red-flag")
        public static let notImproving = Rule(rawValue: "specialist.not-improving-6-weeks")
        public static let frequent = Rule(rawValue: "specialist.frequent")
        public static let severe = Rule(rawValue: "specialist.severe-twice-14d")
        public static let nsaidDays = Rule(rawValue: "specialist.nsaid-days")
        public static let muscleRelaxant = Rule(rawValue: "specialist.muscle-relaxant-repeated")
        public static let activity = Rule(rawValue: "activity.raises-risk")
        public static let activityNoneStandsOut = Rule(rawValue: "activity.none-stands-out")
        public static let caffeine = Rule(rawValue: "caffeine.above-target")
        public static let ptAdherence = Rule(rawValue: "pt.adherence")
        public static let relief = Rule(rawValue: "helps.relief")
        public static let journalNeeded = Rule(rawValue: "data.needed")
        public static let activitiesNeeded = Rule(rawValue: "data.needed.activities")
        public static let caffeineNeeded = Rule(rawValue: "data.needed.caffeine")
        public static let ptNeeded = Rule(rawValue: "data.needed.pt")
        public static let reliefNeeded = Rule(rawValue: "data.needed.relief")
    }
}
