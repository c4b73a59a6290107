/// What to change: activities followed by more episodes, caffeine, the PT routine (source article:
/// activity modification, cut down caffeine, a physical therapist's plan).
extension AdviceWindow {
    func modifications() -> [Advice] {
        activities() + [caffeine(), ptAdherence()].compactMap { $0 }
    }

    var windowText: String { "In the last \(statistics.days) days" }

    /// More episodes on days above the caffeine target, when the difference is large and unlikely by chance.
    func caffeine() -> Advice? {
        let c = statistics.caffeine
        guard c.showsEffect, let rateAbove = c.rateAbove, let rateBelow = c.rateBelow else { return nil }
        let target = AdviceText.decimal(c.targetMg, places: 0)
        let times = c.rateRatio.map { "\(AdviceText.decimal($0)) times the rate" } ?? "none on the other days"
        return Advice(
            rule: .caffeine, kind: .modify, title: "Cut down caffeine: more spasms on days above your \(target) mg target",
            reason: "On \(AdviceText.count(c.daysAbove, "day")) above \(target) mg you had \(AdviceText.decimal(rateAbove, places: 2)) "
                + "episodes a day (\(c.episodesAbove)); on \(AdviceText.count(c.daysBelow, "day")) at or below it, "
                + "\(AdviceText.decimal(rateBelow, places: 2)) a day (\(c.episodesBelow)): \(times) (exact test p = "
                + "\(Self.pValue(c.pValue ?? 1)); the rule needs \(settings.caffeineMinDaysEachSide) days each side, a ratio of at least "
                + "\(AdviceText.decimal(settings.caffeineMinRateRatio, places: 2)) and p ≤ \(AdviceText.decimal(settings.caffeineSignificance, places: 4))). "
                + "Estimated caffeine in your body now: about \(AdviceText.decimal(statistics.caffeineLevelMg, places: 0)) mg "
                + "(half-life \(AdviceText.decimal(settings.caffeineHalfLifeHours)) h).",
            minimumSample: "\(settings.caffeineMinDaysEachSide) complete days above the target and \(settings.caffeineMinDaysEachSide) at or below it",
            evidence: [.init("days_above", Double(c.daysAbove)), .init("days_below", Double(c.daysBelow)),
                       .init("episodes_above", Double(c.episodesAbove)), .init("episodes_below", Double(c.episodesBelow)),
                       .init("rate_above", rateAbove), .init("rate_below", rateBelow), .init("p_value", c.pValue ?? 1),
                       .init("target_mg", c.targetMg), .init("level_mg", statistics.caffeineLevelMg)]
                + (c.rateRatio.map { [.init("rate_ratio", $0)] } ?? []))
    }

    /// Planned PT sessions done, when below the goal; the weekly episode count next to weekly adherence.
    func ptAdherence() -> Advice? {
        guard let pt = statistics.ptAdherence, pt.enoughDays, pt.share < settings.ptAdherenceGoal else { return nil }
        let recentWeeks = statistics.weeks.suffix(4).filter { $0.ptPlanned > 0 }
        let byWeek = recentWeeks.map { week in
            "week of \(week.start): \(week.ptDone) of \(week.ptPlanned) sessions, \(AdviceText.count(week.episodes, "episode"))"
        }
        return Advice(
            rule: .ptAdherence, kind: .modify, title: "Keep up the PT routine: \(AdviceText.percent(pt.share)) of planned sessions done",
            reason: "In the last \(pt.days) complete days you logged \(pt.done) of \(pt.planned) planned PT sessions "
                + "(\(AdviceText.percent(pt.share)); goal \(AdviceText.percent(settings.ptAdherenceGoal))). Sticking to a "
                + "physical therapist's plan brings fewer and milder spasms. By week: " + byWeek.joined(separator: "; ") + ".",
            minimumSample: "\(settings.ptAdherenceDays) complete days of journal with PT sessions planned",
            evidence: [.init("planned", Double(pt.planned)), .init("done", Double(pt.done)), .init("share", pt.share),
                       .init("days", Double(pt.days))]
                + recentWeeks.flatMap { [Advice.Figure("week_pt_done", Double($0.ptDone), subject: $0.start),
                                         .init("week_pt_planned", Double($0.ptPlanned), subject: $0.start),
                                         .init("week_episodes", Double($0.episodes), subject: $0.start)] })
    }

    /// "14:00"
    static func hour(_ hour: Int) -> String {
        let h = hour % 24
        return (h < 10 ? "0" : "") + "\(h):00"
    }

    static func pValue(_ p: Double) -> String { p < 0.0001 ? "< 0.0001" : AdviceText.decimal(p, places: 4) }
}
