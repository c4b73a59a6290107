/// Something the user did, whether or not a spasm followed ("lifting", "desk work"): the journal's
/// record of ordinary days that lets `spasm suggest` compare the hours after it with the other hours.
public struct Activity: Sendable, Equatable, Codable {
    /// A tag from the one vocabulary it shares with episode triggers: trimmed, lower-cased.
    public var name: String
    /// How long it lasted; nil for a moment or when not said.
    public var minutes: Int?

    /// Checks the name and the duration; the name is stored as a tag (`TextField.tag`).
    public init(name: String, minutes: Int? = nil) throws(InputError) {
        if let minutes, !(1...24 * 60).contains(minutes) {
            throw InputError("for", "\(minutes) minutes is not a duration spasm can record", hint: "use 1 minute to 24 hours")
        }
        self.name = try TextField.tag(name, parameter: "activity")
        self.minutes = minutes
    }

    /// An activity read back from the journal, already checked when it was written.
    public init(unchecked name: String, minutes: Int?) {
        self.name = name
        self.minutes = minutes
    }

    /// When it ended, from its start.
    public func end(from start: Double) -> Double { start + Double(minutes ?? 0) * 60 }
}
