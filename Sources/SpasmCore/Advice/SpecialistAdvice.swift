/// When to see a specialist (CLINICAL.md: "When to suggest a specialist"). Each rule reads the days
/// ending today, says which rule fired and gives its numbers.
extension AdviceWindow {
    /// Episodes still occurring `not_improving_weeks` after the first of a spell, with the weekly count
    /// or the mean severity not falling between the two halves of those weeks (NHS; NICE NG59).
    func notImproving() -> Advice? {
        let points = totals.points
        guard let last = points.last, last.day >= totals.index(daysBack: 6) else { return nil }
        // The spell: back from the latest episode until a gap of at least `episode_free_gap_days`.
        var first = points.count - 1
        while first > 0, points[first].day - points[first - 1].day - 1 < settings.episodeFreeGapDays { first -= 1 }
        let spellDay = points[first].day
        let span = settings.notImprovingWeeks * 7
        let today = totals.dayCount - 1
        guard today - spellDay >= span else { return nil }
        let half = span / 2
        let recentStart = today - half + 1, earlierStart = recentStart - half
        let earlier = points[first...].filter { $0.day >= earlierStart && $0.day < recentStart }
        let recent = points[first...].filter { $0.day >= recentStart }
        let weeks = Double(half) / 7
        let earlierMean = earlier.isEmpty ? nil : Double(earlier.reduce(0) { $0 + $1.severity }) / Double(earlier.count)
        let recentMean = Double(recent.reduce(0) { $0 + $1.severity }) / Double(recent.count)
        let countNotFalling = recent.count >= earlier.count
        let severityNotFalling = earlierMean.map { recentMean >= $0 } ?? true
        guard countNotFalling || severityNotFalling else { return nil }
        let since = totals.day(spellDay)
        let orEarlier = first == 0 && spellDay <= settings.episodeFreeGapDays ? " or earlier" : ""
        var reason = "Episodes have kept coming since \(since)\(orEarlier), \((today - spellDay) / 7) weeks ago."
        reason += " Over the last \(AdviceText.decimal(weeks)) weeks: \(AdviceText.decimal(Double(recent.count) / weeks)) a week"
        reason += " (\(AdviceText.count(recent.count, "episode"))), mean severity \(AdviceText.decimal(recentMean));"
        reason += " the \(AdviceText.decimal(weeks)) weeks before: \(AdviceText.decimal(Double(earlier.count) / weeks)) a week"
        reason += " (\(AdviceText.count(earlier.count, "episode"))), mean severity \(earlierMean.map { AdviceText.decimal($0) } ?? "none")."
        reason += " Back pain that has not improved by \(settings.notImprovingWeeks) weeks should be seen (NHS; NICE NG59)."
        return Advice(
            rule: .notImproving, kind: .specialist, title: "See \(specialist): not improving after \(settings.notImprovingWeeks) weeks",
            reason: reason,
            minimumSample: "a spell of episodes (no gap of \(settings.episodeFreeGapDays) days) that began at least "
                + "\(settings.notImprovingWeeks) weeks ago, with an episode in the last 7 days",
            evidence: [.init("spell_weeks", Double(today - spellDay) / 7), .init("recent_episodes", Double(recent.count)),
                       .init("earlier_episodes", Double(earlier.count)), .init("recent_mean_severity", recentMean)]
                + (earlierMean.map { [.init("earlier_mean_severity", $0)] } ?? []))
    }

    /// At least `frequent_episodes_per_week` episodes in each of the last `frequent_weeks` 7-day spans.
    func frequent() -> Advice? {
        let counts = (0..<settings.frequentWeeks).map { week in
            totals.episodes[totals.index(daysBack: week * 7 + 6)...totals.index(daysBack: week * 7)].reduce(0, +)
        }
        guard totals.dayCount >= settings.frequentWeeks * 7, counts.allSatisfy({ $0 >= settings.frequentEpisodesPerWeek }) else { return nil }
        let listed = counts.reversed().map(String.init).joined(separator: ", then ")
        return Advice(
            rule: .frequent, kind: .specialist, title: "See \(specialist): frequent episodes",
            reason: "Episodes in the last \(settings.frequentWeeks) weeks, 7 days at a time: \(listed). That is at least "
                + "\(settings.frequentEpisodesPerWeek) a week for \(settings.frequentWeeks) weeks in a row (a product choice, "
                + "not a guideline: change advice.frequent_episodes_per_week to suit you).",
            minimumSample: "\(settings.frequentWeeks) weeks of days",
            evidence: counts.enumerated().map { .init("episodes_\($0.offset)_weeks_back", Double($0.element)) })
    }

    /// At least `severe_count` episodes at `severe_level` or above within `severe_window_days`.
    func severe() -> Advice? {
        let count = totals.recent(totals.severe, days: settings.severeWindowDays)
        guard count >= settings.severeCount else { return nil }
        return Advice(
            rule: .severe, kind: .specialist, title: "See \(specialist): severe episodes",
            reason: "\(AdviceText.count(count, "episode")) at severity \(settings.severeLevel) or more in the last "
                + "\(settings.severeWindowDays) days (the rule: \(settings.severeCount) within \(settings.severeWindowDays) days; "
                + "a product choice, not a guideline).",
            minimumSample: "\(settings.severeCount) severe episodes",
            evidence: [.init("severe_episodes", Double(count)), .init("severe_level", Double(settings.severeLevel)),
                       .init("window_days", Double(settings.severeWindowDays))])
    }

    /// NSAIDs on more than `nsaid_days` days in `nsaid_window_days` (OTC Drug Facts label).
    func nsaid() -> Advice? {
        repeated(totals.nsaid, moreThan: settings.nsaidDays, window: settings.nsaidWindowDays, rule: .nsaidDays,
                 figure: "nsaid_days", sample: "NSAIDs on more than \(settings.nsaidDays) days") { days in
            ("Talk to a doctor: NSAIDs on \(days) of the last \(settings.nsaidWindowDays) days",
             "You logged an NSAID on \(AdviceText.count(days, "day")) of the last \(settings.nsaidWindowDays). The label of "
                + "over-the-counter NSAIDs says not to use them for pain for more than \(settings.nsaidDays) days unless a doctor "
                + "directs it. Ask a doctor or pharmacist, or see \(specialist).")
        }
    }

    /// Muscle relaxants on more than `muscle_relaxant_days` days in `muscle_relaxant_window_days`.
    func muscleRelaxant() -> Advice? {
        repeated(totals.muscleRelaxant, moreThan: settings.muscleRelaxantDays, window: settings.muscleRelaxantWindowDays,
                 rule: .muscleRelaxant, figure: "muscle_relaxant_days",
                 sample: "a muscle relaxant on more than \(settings.muscleRelaxantDays) days") { days in
            ("Talk to your prescriber about the muscle relaxant",
             "You logged a muscle relaxant on \(AdviceText.count(days, "day")) of the last \(settings.muscleRelaxantWindowDays). "
                + "They are meant for short courses and can be habit-forming; repeated use is worth discussing with whoever prescribed it.")
        }
    }

    /// A medicine taken on more than `limit` of the last `window` days: its title and reason from the day count.
    private func repeated(_ taken: [Bool], moreThan limit: Int, window: Int, rule: Advice.Rule, figure: String, sample: String,
                          text: (Int) -> (title: String, reason: String)) -> Advice? {
        let days = totals.recentDays(taken, days: window)
        guard days > limit else { return nil }
        let (title, reason) = text(days)
        return Advice(rule: rule, kind: .specialist, title: title, reason: reason, minimumSample: sample,
                      evidence: [.init(figure, Double(days)), .init("window_days", Double(window))])
    }
}
