/// Which activities came before more spasms than the rest of your recorded time, by `ActivityRisk`.
extension AdviceWindow {
    var activityRisk: ActivityRisk { statistics.activities }

    /// One suggestion for each activity whose interval excludes "no effect" after the correction.
    func activities() -> [Advice] {
        let risk = activityRisk
        return risk.named.map { e in
            Advice(
                rule: .activity, kind: .modify,
                title: "Pace or change \(e.activity): your spasms came \(ActivityText.ratio(e)) times as often within "
                    + "\(ActivityText.hours(risk.windowHours)) after it",
                reason: ActivityText.sentence(e, risk) + " " + ActivityText.counts(e, risk, days: statistics.days)
                    + " This is what your own journal shows, not proof; keep logging to see whether a change helps.",
                minimumSample: ActivityText.minimumSample(settings),
                evidence: ActivityText.figures(e) + [.init("window_hours", risk.windowHours), .init("compared", Double(risk.tested))])
        }
    }

    /// When no activity is named: what the comparison found, or what to log to make one possible.
    func activityStatus() -> Advice? {
        let risk = activityRisk
        guard risk.named.isEmpty else { return nil }
        let compared = risk.estimates.filter(\.compared)
        if !compared.isEmpty {
            let listed = compared.prefix(5).map { ActivityText.sentence($0, risk, short: true) }
            return Advice(
                rule: .activityNoneStandsOut, kind: .dataNeeded, title: "Activities: none stands out so far",
                reason: "\(windowText), on \(AdviceText.count(risk.recordedDays, "day")) with activities logged, no activity was "
                    + "followed by clearly more spasms than the rest of that time once \(AdviceText.count(risk.tested, "activity", plural: "activities")) "
                    + "are compared (Holm's correction): " + listed.joined(separator: "; ") + ". Keep logging them on ordinary days too.",
                minimumSample: ActivityText.minimumSample(settings),
                evidence: compared.flatMap(ActivityText.figures) + [.init("window_hours", risk.windowHours), .init("compared", Double(risk.tested))])
        }
        let tagged = risk.estimates.filter(\.taggedOnly)
        let logged = risk.estimates.filter { !$0.taggedOnly }
        let example = (tagged.max { ($0.tags, $1.activity) < ($1.tags, $0.activity) } ?? logged.first)?.activity ?? "desk work"
        let command = "spasm activity \(ActivityText.quoted(example))"
        if logged.isEmpty {
            let tags = tagged.sorted { ($0.tags, $1.activity) > ($1.tags, $0.activity) }.prefix(5).map { "\($0.activity) \($0.tags)" }
            return Advice(
                rule: .activitiesNeeded, kind: .dataNeeded, title: "Activities: log what you do on ordinary days too",
                reason: (tagged.isEmpty
                    ? "No activities logged in the last \(statistics.days) days. "
                    : "Your episodes carry tags (" + tags.joined(separator: ", ") + "), but a tag only says what came before a spasm, "
                        + "not how often you did the same without one, so no activity can be said to raise your risk. ")
                    + "Log what you do when you do it, on days without spasms as well (`\(command)`, with `--for 2h` when it lasts); "
                    + "comparing an activity needs it logged \(settings.activityMinTimes) times on days you log activities.",
                minimumSample: ActivityText.minimumSample(settings),
                evidence: [.init("recorded_days", Double(risk.recordedDays)), .init("episodes", Double(statistics.episodes))]
                    + tagged.map { .init("tagged", Double($0.tags), subject: $0.activity) })
        }
        let most = logged.map(\.times).max() ?? 0
        return Advice(
            rule: .activitiesNeeded, kind: .dataNeeded, title: "Activities: not enough logged yet",
            reason: "\(windowText), \(AdviceText.count(logged.count, "activity", plural: "activities")) logged on "
                + "\(AdviceText.count(risk.recordedDays, "day")) (the most often: \(logged[0].activity), \(AdviceText.count(most, "time"))). "
                + "Comparing one needs it logged \(settings.activityMinTimes) times and \(settings.activityMinUnexposedWindows) windows of "
                + "\(ActivityText.hours(risk.windowHours)) without it, on days you log activities; keep logging (`\(command)`).",
            minimumSample: ActivityText.minimumSample(settings),
            evidence: [.init("recorded_days", Double(risk.recordedDays)), .init("most_times", Double(most))])
    }
}

/// The activity comparison in words and figures, shared by the suggestions and the reports.
public enum ActivityText {
    /// "Your spasms came 3.1 times as often within 2 h after lifting (95% CI 1.8-5.4; 14 of 40 times)".
    public static func sentence(_ e: ActivityRisk.Estimate, _ risk: ActivityRisk, short: Bool = false) -> String {
        let ci = interval(e, risk)
        let times = "\(e.followed) of \(AdviceText.count(e.times, "time"))"
        if short { return "\(e.activity) \(ratio(e))× (\(ci); \(times))" }
        return "Your spasms came \(ratio(e)) times as often within \(hours(risk.windowHours)) after \(e.activity) (\(ci); \(times))."
    }

    /// The numbers behind the estimate and the correction.
    static func counts(_ e: ActivityRisk.Estimate, _ risk: ActivityRisk, days: Int) -> String {
        "In the last \(days) days, on the \(AdviceText.count(risk.recordedDays, "day")) you logged activities: "
            + "\(AdviceText.count(e.exposedEpisodes, "episode")) in \(AdviceText.decimal(e.exposedHours, places: 0)) h within "
            + "\(hours(risk.windowHours)) after it, \(e.unexposedEpisodes) in \(AdviceText.decimal(e.unexposedHours, places: 0)) h otherwise "
            + "(exact test, p = \(pValue(e.adjustedPValue ?? 1)) after Holm's correction for "
            + "\(AdviceText.count(risk.tested, "activity", plural: "activities")) compared)."
    }

    /// "3.1", or "∞" when no episode fell outside its windows.
    public static func ratio(_ e: ActivityRisk.Estimate) -> String {
        e.rateRatio.map { AdviceText.decimal($0) } ?? (e.exposedEpisodes > 0 ? "∞" : "–")
    }

    /// "95%": the intervals' confidence level.
    public static func level(_ risk: ActivityRisk) -> String { AdviceText.percent(1 - risk.significance) }

    /// "95% CI 1.8-5.4"
    public static func interval(_ e: ActivityRisk.Estimate, _ risk: ActivityRisk) -> String {
        let level = level(risk)
        guard let low = e.low else { return "\(level) CI not available" }
        let high = e.high.map { AdviceText.decimal($0) } ?? "no upper bound"
        return "\(level) CI \(AdviceText.decimal(low))-\(high)"
    }

    /// "2 h", "90 min"
    public static func hours(_ h: Double) -> String {
        h < 1 || h != h.rounded() ? "\(AdviceText.decimal(h * 60, places: 0)) min" : "\(AdviceText.decimal(h, places: 0)) h"
    }

    static func pValue(_ p: Double) -> String { p < 0.0001 ? "< 0.0001" : AdviceText.decimal(p, places: 4) }

    static func quoted(_ name: String) -> String { name.contains(" ") ? "\"\(name)\"" : name }

    static func minimumSample(_ settings: AdviceSettings) -> String {
        "an activity logged \(settings.activityMinTimes) times on days with activities logged, and \(settings.activityMinUnexposedWindows) "
            + "windows of recorded time without it"
    }

    /// The estimate, its interval and the counts, with the activity as their subject.
    static func figures(_ e: ActivityRisk.Estimate) -> [Advice.Figure] {
        let s = e.activity
        return [e.rateRatio.map { Advice.Figure("rate_ratio", $0, subject: s) }, e.low.map { .init("ci_low", $0, subject: s) },
                e.high.map { .init("ci_high", $0, subject: s) },
                .init("times", Double(e.times), subject: s), .init("followed", Double(e.followed), subject: s),
                .init("exposed_episodes", Double(e.exposedEpisodes), subject: s), .init("exposed_hours", e.exposedHours, subject: s),
                .init("unexposed_episodes", Double(e.unexposedEpisodes), subject: s),
                .init("unexposed_hours", e.unexposedHours, subject: s),
                e.pValue.map { .init("p_value", $0, subject: s) }, e.adjustedPValue.map { .init("adjusted_p_value", $0, subject: s) }]
            .compactMap { $0 }
    }
}
