/// What has helped, and what the journal still needs before a rule can say anything.
extension AdviceWindow {
    /// Mean relief by treatment, for treatments with enough ratings.
    func helps() -> [Advice] {
        let rated = statistics.relief.filter { $0.ratings >= settings.minReliefRatings }
        guard let best = rated.first else { return [] }
        let listed = rated.map { "\($0.treatment) \(AdviceText.decimal($0.meanRelief))/10 (n=\($0.ratings))" }
        return [Advice(
            rule: .relief, kind: .helps, title: "What has helped you most: \(best.treatment)",
            reason: "Mean relief you recorded in the last \(statistics.days) days: " + listed.joined(separator: ", ") + ".",
            minimumSample: "\(settings.minReliefRatings) relief ratings of a treatment",
            evidence: rated.flatMap { [Advice.Figure("mean_relief", $0.meanRelief, subject: $0.treatment),
                                       .init("ratings", Double($0.ratings), subject: $0.treatment)] })]
    }

    /// Says what each rule still needs, instead of guessing.
    func dataNeeded() -> [Advice] {
        guard statistics.episodes > 0 else {
            return [Advice(
                rule: .journalNeeded, kind: .dataNeeded, title: "Keep logging: nothing to go on yet",
                reason: "No episodes in the last \(statistics.days) days. Log each spasm (where, how bad, what came before it), "
                    + "your caffeine and your treatments with their relief; suggestions need at least "
                    + "an activity logged \(settings.activityMinTimes) times (`spasm activity`), \(settings.caffeineMinDaysEachSide) days above and "
                    + "below your caffeine target, and \(settings.minReliefRatings) relief ratings of a treatment.",
                minimumSample: "one episode")]
        }
        var needed: [Advice] = []
        if let activities = activityStatus() { needed.append(activities) }
        let c = statistics.caffeine
        if !c.enoughDays {
            needed.append(Advice(
                rule: .caffeineNeeded, kind: .dataNeeded, title: "Caffeine: not enough days yet",
                reason: "So far \(AdviceText.count(c.daysAbove, "complete day")) above your \(AdviceText.decimal(c.targetMg, places: 0)) mg "
                    + "target and \(c.daysBelow) at or below it; comparing them needs at least \(settings.caffeineMinDaysEachSide) of each.",
                minimumSample: "\(settings.caffeineMinDaysEachSide) complete days above the target and \(settings.caffeineMinDaysEachSide) at or below it",
                evidence: [.init("days_above", Double(c.daysAbove)), .init("days_below", Double(c.daysBelow))]))
        }
        if let pt = statistics.ptAdherence, !pt.enoughDays {
            needed.append(Advice(
                rule: .ptNeeded, kind: .dataNeeded, title: "PT adherence: not enough days yet",
                reason: "PT adherence is measured over \(settings.ptAdherenceDays) complete days of journal; "
                    + "so far \(pt.done) of \(pt.planned) planned sessions logged.",
                minimumSample: "\(settings.ptAdherenceDays) complete days of journal",
                evidence: [.init("planned", Double(pt.planned)), .init("done", Double(pt.done))]))
        }
        if statistics.relief.allSatisfy({ $0.ratings < settings.minReliefRatings }) {
            let most = statistics.relief.map(\.ratings).max() ?? 0
            needed.append(Advice(
                rule: .reliefNeeded, kind: .dataNeeded, title: "What helps: not enough relief ratings yet",
                reason: "Record how much each treatment helped (relief 0-10); comparing treatments needs at least "
                    + "\(settings.minReliefRatings) ratings of one (the most so far: \(most)).",
                minimumSample: "\(settings.minReliefRatings) relief ratings of a treatment",
                evidence: [.init("most_ratings", Double(most))]))
        }
        return needed
    }
}
