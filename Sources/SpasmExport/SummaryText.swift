import SpasmCore

/// The summary's sentences, shared by the Markdown message and the PDF so both say the same thing.
public enum SummaryText {
    /// "4.2", one decimal.
    public static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// "2026-01-01 to 2026-03-31 (90 days)"
    public static func period(_ s: PeriodSummary) -> String { "\(s.period.description) (\(s.period.days) days)" }

    /// "23 episodes, 1.8 a week"
    public static func episodes(_ s: PeriodSummary) -> String {
        "\(s.episodeCount) episode\(s.episodeCount == 1 ? "" : "s"), \(decimal(s.episodesPerWeek)) a week"
    }

    /// "9.9 episodes a week, 12.1 in the 90 days before; mean severity 5.2/10, 6.0/10 before", or
    /// "nothing was logged before this period".
    public static func comparison(_ s: PeriodSummary) -> String {
        guard let before = s.previous else { return "Nothing was logged before this period, so there is no comparison." }
        let span = before.days == s.period.days ? "in the \(before.days) days before" : "in the \(before.days) day\(before.days == 1 ? "" : "s") logged before"
        var text = "\(decimal(s.episodesPerWeek)) episodes a week, \(decimal(before.episodesPerWeek)) \(span)"
        if let mean = s.severityMean, let earlier = before.severityMean {
            text += "; mean severity \(decimal(mean))/10, \(decimal(earlier))/10 before"
        }
        return text
    }

    /// "PEG 6.3 on 2026-09-07 → 4.0 on 2026-11-30 (12 check-ins; 0-10, lower is better)", or how to start.
    public static func peg(_ s: PeriodSummary) -> String {
        guard let first = s.checkins.first, let last = s.checkins.last else {
            return "no PEG check-ins in this period (spasm checkin, weekly)"
        }
        let count = "\(s.checkins.count) check-in\(s.checkins.count == 1 ? "" : "s"); 0-10, lower is better"
        if s.checkins.count == 1 { return "PEG \(decimal(first.score)) on \(first.date) (\(count))" }
        return "PEG \(decimal(first.score)) on \(first.date) → \(decimal(last.score)) on \(last.date) (\(count))"
    }

    /// "mean 5.4/10, worst 9/10", or nil with no episodes.
    public static func severity(_ s: PeriodSummary) -> String? {
        guard let mean = s.severityMean, let worst = s.severityWorst else { return nil }
        return "mean \(decimal(mean))/10, worst \(worst.rawValue)/10"
    }

    /// "lower-back 12, neck 8"
    public static func regions(_ s: PeriodSummary) -> String? {
        s.regions.isEmpty ? nil : s.regions.map { "\($0.region.rawValue) \($0.count)" }.joined(separator: ", ")
    }

    /// "Episodes within 2 h after an activity against the rest of the time activities were logged".
    public static func activitiesHeading(_ s: PeriodSummary) -> String {
        "Activities: spasms within \(ActivityText.hours(s.activities?.windowHours ?? 2)) after, against other logged time"
    }

    /// Each activity compared, as its rate ratio with the exact interval and counts ("lifting 3.1× (95% CI
    /// 1.8-5.4; 14 of 40 times), stands out"), then what is still too rarely logged; never bare counts of tags.
    public static func activities(_ s: PeriodSummary, limit: Int = 5) -> [String] {
        guard let risk = s.activities, !risk.estimates.isEmpty else { return ["none logged (spasm activity NAME)"] }
        let compared = risk.estimates.filter(\.compared)
        var lines = compared.prefix(limit).map { e in
            ActivityText.sentence(e, risk, short: true) + (e.raisesRisk ? ", stands out after correcting for \(risk.tested) compared" : "")
        }
        if compared.isEmpty { lines.append("not enough logged on \(risk.recordedDays) days with activities to compare any") }
        let others = risk.estimates.filter { !$0.compared }.prefix(limit).map(\.activity)
        if !others.isEmpty { lines.append("too few to compare: " + others.joined(separator: ", ")) }
        return lines
    }

    /// "ice: 12 times, relief 6.1/10 (10 rated)"
    public static func treatments(_ s: PeriodSummary) -> [String] {
        s.treatments.map { use in
            var text = "\(use.kind.label): \(use.count) time\(use.count == 1 ? "" : "s")"
            if let relief = use.reliefMean { text += ", relief \(decimal(relief))/10 (\(use.reliefRatings) rated)" }
            else { text += ", relief not rated" }
            return text
        }
    }

    /// Days an over-the-counter NSAID label allows for pain "unless directed by a doctor" (US Drug Facts
    /// label wording, shared/CLINICAL.md): the number a clinician compares NSAID days with.
    public static let nsaidLabelDays = 10

    /// "NSAID on 12 days, muscle relaxant on 0 days, other medicine on 2 days"
    public static func medicationDays(_ s: PeriodSummary) -> String {
        s.medicationDayList.map { "\($0.kind.label) on \($0.days) day\($0.days == 1 ? "" : "s")" }.joined(separator: ", ")
    }

    /// "NSAID on 12 days (the label's limit for pain is 10 days unless a doctor directs)"; one line per kind.
    public static func medicationDayLines(_ s: PeriodSummary) -> [String] {
        s.medicationDayList.map { item in
            var text = "\(item.kind.label) on \(item.days) day\(item.days == 1 ? "" : "s")"
            if item.kind == .nsaid { text += " (the label's limit for pain is \(nsaidLabelDays) days unless a doctor directs)" }
            return text
        }
    }

    /// "212 mg a day on average; falling (260 → 164 mg a day)"
    public static func caffeine(_ s: PeriodSummary) -> String {
        guard let mean = s.caffeineDailyMeanMg, let halves = s.caffeineHalvesMg, let trend = s.caffeineTrend else {
            return "none logged"
        }
        return "\(Int(mean.rounded())) mg a day on average; \(trend) (\(Int(halves.first.rounded())) → \(Int(halves.second.rounded())) mg a day, first half to second half)"
    }

    /// "14 of 180 sessions due (8%)", or nil when the schedule has nothing due.
    public static func ptAdherence(_ s: PeriodSummary) -> String? {
        guard let (logged, due) = s.ptAdherence else { return nil }
        return "\(logged) of \(due) scheduled sessions logged (\(Int((Double(logged) / Double(due) * 100).rounded()))%)"
    }

    /// "weakness or numbness in an arm that is getting worse (arm-weakness): 2 times, last 2026-01-05, URGENT"
    public static func redFlags(_ s: PeriodSummary) -> [String] {
        s.redFlags.map { report in
            let urgency = report.flag.urgency == .now ? "urgent care" : "see a doctor soon"
            let when = report.times == 1 ? "on \(report.last)" : "\(report.times) times, \(report.first) to \(report.last)"
            let seen = report.acknowledged == report.times ? "acknowledged"
                : report.acknowledged == 0 ? "not acknowledged" : "\(report.acknowledged) of \(report.times) acknowledged"
            return "\(report.flag.symptom) [\(report.flag.rawValue)]: \(when) (\(urgency)); \(seen)"
        }
    }
}
