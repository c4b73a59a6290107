import Foundation
import SpasmCore

/// `spasm stats` as text: the figures as Unicode block charts.
struct StatsText {
    let statistics: JournalStatistics
    let charts: Charts

    /// Weeks merged into rows, so a long period stays about half a year of rows tall.
    struct Row {
        var start: String
        var days: Int
        var episodes: Int
        var severitySum: Double
        var caffeineMg: Double
        var caffeineDays: ArraySlice<JournalStatistics.Day>
    }

    var rows: [Row] {
        let weeksPerRow = max(1, (statistics.weeks.count + 25) / 26)
        var rows: [Row] = []
        var day = 0
        for (index, week) in statistics.weeks.enumerated() {
            let days = statistics.caffeineDays[day..<day + week.days]
            day += week.days
            let severity = (week.meanSeverity ?? 0) * Double(week.episodes)
            let caffeine = week.caffeineMgPerDay * Double(week.days)
            if index % weeksPerRow == 0 {
                rows.append(Row(start: week.start, days: week.days, episodes: week.episodes, severitySum: severity,
                                caffeineMg: caffeine, caffeineDays: days))
            } else {
                rows[rows.count - 1].days += week.days
                rows[rows.count - 1].episodes += week.episodes
                rows[rows.count - 1].severitySum += severity
                rows[rows.count - 1].caffeineMg += caffeine
            }
        }
        return rows
    }

    var lines: [String] {
        let s = statistics
        let rows = self.rows
        let perRow = rows.count < s.weeks.count ? "weeks" : "week"
        var lines = [charts.paint("From \(s.from) to \(s.through) (\(s.days) days): \(s.episodes) episodes", .bold), ""]

        lines.append(charts.paint(perRow == "week" ? "Episodes per week" : "Episodes per week (mean over the row's weeks)", .bold))
        lines += charts.bars(rows.map { row in
            let perWeek = Double(row.episodes) * 7 / Double(row.days)
            let text = perRow == "week" ? "\(row.episodes)" + (row.days < 7 ? " (\(row.days) days)" : "") : AdviceFormat.one(perWeek)
            return (row.start, perRow == "week" ? Double(row.episodes) : perWeek, text, .cyan)
        })

        let trend = s.severityTrendPerWeek.map { slope in
            abs(slope) < 0.05 ? "steady" : slope < 0 ? "easing by \(AdviceFormat.one(-slope)) a week" : "rising by \(AdviceFormat.one(slope)) a week"
        } ?? "too few weeks to tell"
        lines += ["", charts.paint("Severity, mean of the episodes (0-10); trend: \(trend)", .bold)]
        lines += charts.bars(rows.map { row in
            let mean = row.episodes > 0 ? row.severitySum / Double(row.episodes) : 0
            return (row.start, mean, row.episodes > 0 ? AdviceFormat.one(mean) : "-", mean >= 7 ? .red : mean >= 4 ? .yellow : .green)
        }, maximum: 10)

        lines += ["", charts.paint("Caffeine per day (mg; target \(AdviceFormat.whole(s.caffeineTargetMg)))", .bold)]
        if perRow == "week" {
            let top = max(s.caffeineDays.map(\.caffeineMg).max() ?? 0, s.caffeineTargetMg)
            for row in rows {
                let cells = zip(row.caffeineDays, Charts.sparkline(row.caffeineDays.map(\.caffeineMg), maximum: top)).map { day, cell in
                    charts.paint(cell, day.caffeineMg > s.caffeineTargetMg ? .yellow : .green)
                }.joined()
                let over = row.caffeineDays.filter { $0.caffeineMg > s.caffeineTargetMg }.count
                lines.append("  \(row.start)  \(cells)\(String(repeating: " ", count: 8 - row.days)) mean \(AdviceFormat.whole(row.caffeineMg / Double(row.days))) mg, \(over) over")
            }
        } else {
            lines += charts.bars(rows.map { row in
                let mean = row.caffeineMg / Double(row.days)
                return (row.start, mean, "mean \(AdviceFormat.whole(mean)) mg", mean > s.caffeineTargetMg ? .yellow : .green)
            })
        }

        lines += ["", charts.paint("Time of day the episodes started", .bold)]
        lines += charts.bars(s.episodesByHour.enumerated().map { hour, count in
            ((hour < 10 ? "0" : "") + "\(hour):00", Double(count), "\(count)", .cyan)
        })
        lines += moreFigures
        return lines
    }

    /// Each activity's rate ratio with its interval, as `spasm suggest` reads them.
    var activityLines: [String] {
        let risk = statistics.activities
        var lines = [charts.paint("Activities: spasms within \(ActivityText.hours(risk.windowHours)) after each, against the rest of the time you logged activities", .bold)]
        lines.append("  \(risk.recordedDays) days with activities logged, \(risk.episodes) episodes in them"
                     + (risk.episodesOnUnrecordedDays > 0 ? " (\(risk.episodesOnUnrecordedDays) on days with none logged: left out)" : ""))
        if risk.estimates.isEmpty { lines.append("  none logged ('spasm activity NAME', on ordinary days too)") }
        let shown = risk.estimates.prefix(10)
        let width = shown.map(\.activity.count).max() ?? 0
        for e in shown {
            let label = "  " + e.activity + String(repeating: " ", count: width - e.activity.count) + "  "
            if e.compared {
                lines.append(label + ActivityText.sentence(e, risk, short: true)
                             + (e.raisesRisk ? "  " + charts.paint("stands out", .yellow) : ""))
            } else if e.taggedOnly {
                lines.append(label + "only tagged on episodes (\(e.tags)); log it on ordinary days too")
            } else {
                lines.append(label + "too few to compare yet (\(e.times) times on days with activities logged)")
            }
        }
        if risk.tested > 0 {
            lines.append("  exact \(ActivityText.level(risk)) intervals; \"stands out\": excludes no effect after Holm's correction for \(risk.tested) compared")
        }
        return lines
    }

    /// Activities, caffeine against the target, PT adherence and relief.
    var moreFigures: [String] {
        let s = statistics
        var lines = [""] + activityLines
        let c = s.caffeine
        lines += ["", charts.paint("Caffeine and episodes (complete days)", .bold)]
        lines.append("  above \(AdviceFormat.whole(c.targetMg)) mg: \(c.daysAbove) days, \(c.episodesAbove) episodes"
                     + (c.rateAbove.map { ", \(AdviceFormat.two($0)) a day" } ?? ""))
        lines.append("  at or below: \(c.daysBelow) days, \(c.episodesBelow) episodes" + (c.rateBelow.map { ", \(AdviceFormat.two($0)) a day" } ?? ""))
        if let ratio = c.rateRatio, let p = c.pValue { lines.append("  rate ratio \(AdviceFormat.two(ratio)), exact test p = \(AdviceFormat.p(p))") }
        if !c.enoughDays { lines.append("  not enough days yet to compare") }
        lines.append("  estimated caffeine in your body now: about \(AdviceFormat.whole(s.caffeineLevelMg)) mg (half-life \(AdviceFormat.one(s.caffeineHalfLifeHours)) h)")
        if let pt = s.ptAdherence {
            lines += ["", charts.paint("PT adherence, last \(pt.days) complete days", .bold)]
            lines.append("  \(pt.done) of \(pt.planned) planned sessions (\(Int((pt.share * 100).rounded()))%)")
        }
        lines += ["", charts.paint("Relief by treatment (mean of your ratings, 0-10)", .bold)]
        if s.relief.isEmpty { lines.append("  no relief recorded") }
        lines += charts.bars(s.relief.map { r in (r.treatment, r.meanRelief, "\(AdviceFormat.one(r.meanRelief)) (n=\(r.ratings))", .green) },
                             width: 24, maximum: 10)
        return lines
    }
}

/// Numbers as the terminal shows them.
enum AdviceFormat {
    static func one(_ value: Double) -> String { String(format: "%.1f", value) }
    static func two(_ value: Double) -> String { String(format: "%.2f", value) }
    static func whole(_ value: Double) -> String { String(Int(value.rounded())) }
    static func p(_ value: Double) -> String { value < 0.0001 ? "< 0.0001" : String(format: "%.4f", value) }
}
