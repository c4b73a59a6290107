/// Planned PT sessions done over the last complete days; a day's sessions beyond the plan do not count.
public struct PTAdherence: Sendable, Equatable, Codable {
    /// Complete days measured (today is left out: its sessions may still be ahead).
    public var days: Int
    public var planned: Int
    public var done: Int
    /// `done / planned` (0-1).
    public var share: Double
    /// The journal covers every measured day (the first entry is on or before the first of them).
    public var enoughDays: Bool

    /// Nil when the plan holds no session in the measured days.
    init?(totals: DailyTotals, configuration: Configuration) {
        let wanted = configuration.advice.ptAdherenceDays
        let end = totals.dayCount - 1                       // today, left out
        let start = max(0, end - wanted)
        var planned = 0, done = 0
        for day in start..<max(start, end) {
            let plan = PTPlan.sessions(on: totals.day(day), configuration: configuration)
            planned += plan
            done += min(plan, totals.ptSessions[day])
        }
        guard planned > 0 else { return nil }
        days = max(0, end - start)
        self.planned = planned
        self.done = done
        share = Double(done) / Double(planned)
        enoughDays = days == wanted && (totals.firstLogged.map { $0 <= totals.day(start) } ?? false)
    }
}
