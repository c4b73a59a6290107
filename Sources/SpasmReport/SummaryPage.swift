import SpasmCore
import SpasmExport

/// Page one: what a clinician reads in a minute.
struct SummaryPage {
    let summary: PeriodSummary
    /// Today's suggestions, most urgent first, each with the numbers behind it.
    var advice: [Advice] = []
    let canvas: Canvas

    private var left: Double { ReportStyle.margin }
    private var contentWidth: Double { canvas.width - 2 * ReportStyle.margin }

    func draw() {
        var y = ReportStyle.margin
        y += canvas.write("Neck and back spasm journal", ReportStyle.title, x: left, y: y)
        y += canvas.write("Period: \(SummaryText.period(summary))", ReportStyle.body, x: left, y: y + 2, .muted) + 12
        if !summary.redFlags.isEmpty { y = redFlags(y) + 12 }
        y = keyFigures(y) + 14
        if summary.episodeCount == 0 && summary.entries.isEmpty {
            y += canvas.write("No entries were logged in this period.", ReportStyle.heading, x: left, y: y) + 10
        }
        y = WeeklyChart(summary: summary, canvas: canvas).draw(x: left, y: y, width: contentWidth, height: 130) + 16
        let column = (contentWidth - 20) / 2
        let leftEnd = columnSections(x: left, y: y, width: column, sections: [
            ("Body regions", SummaryText.regions(summary).map { [$0] } ?? ["none"]),
            (SummaryText.activitiesHeading(summary), SummaryText.activities(summary)),
            ("Caffeine", [SummaryText.caffeine(summary)]),
        ])
        let rightEnd = columnSections(x: left + column + 20, y: y, width: column, sections: [
            ("Treatments tried (relief 0-10)", nonEmpty(SummaryText.treatments(summary))),
            ("Medication days", summary.medicationDayList.map { "\($0.kind.label): \($0.days) day\($0.days == 1 ? "" : "s")" }),
            ("PT routine", [SummaryText.ptAdherence(summary) ?? "no sessions scheduled in [pt]"]),
        ])
        suggestions(max(leftEnd, rightEnd) + 10)
    }

    /// The current suggestions with their evidence; what needs more data is left to `spasm suggest`.
    private func suggestions(_ top: Double) {
        let shown = advice.filter { $0.kind != .dataNeeded }.prefix(6)
        guard !shown.isEmpty else { return }
        var y = top + canvas.write("Current suggestions (spasm suggest)", ReportStyle.heading, x: left, y: top) + 2
        for item in shown {
            y += canvas.write("• \(item.title): \(item.reason)", ReportStyle.small, x: left, y: y, width: contentWidth) + 3
        }
    }

    private func nonEmpty(_ lines: [String]) -> [String] { lines.isEmpty ? ["none logged"] : lines }

    /// Every red flag ever reported, in a box that cannot be missed.
    private func redFlags(_ top: Double) -> Double {
        let lines = SummaryText.redFlags(summary).map { "• " + $0 }
        let heading = canvas.text("Red flags ever reported (not only in this period)", ReportStyle.heading)
        let body = canvas.text(lines.joined(separator: "\n"), ReportStyle.body, width: contentWidth - 20)
        let height = heading.height + body.height + 16
        canvas.fill(left, top, contentWidth, height, .alertShade)
        canvas.stroke(left, top, contentWidth, height, .alert)
        canvas.draw(heading, x: left + 10, y: top + 6, .alert)
        canvas.draw(body, x: left + 10, y: top + 8 + heading.height)
        return top + height
    }

    /// Four numbers in boxes: episodes, per week, mean and worst severity.
    private func keyFigures(_ top: Double) -> Double {
        let figures = [
            ("\(summary.episodeCount)", "episodes"),
            (SummaryText.decimal(summary.episodesPerWeek), "episodes a week"),
            (summary.severityMean.map { SummaryText.decimal($0) + "/10" } ?? "–", "mean severity"),
            (summary.severityWorst.map { "\($0.rawValue)/10" } ?? "–", "worst severity"),
        ]
        let gap = 10.0
        let width = (contentWidth - gap * Double(figures.count - 1)) / Double(figures.count)
        for (index, (value, label)) in figures.enumerated() {
            let x = left + Double(index) * (width + gap)
            canvas.fill(x, top, width, 46, .shade)
            canvas.write(value, ReportStyle.figure, x: x + 8, y: top + 5)
            canvas.write(label, ReportStyle.small, x: x + 8, y: top + 30, .muted)
        }
        return top + 46
    }

    private func columnSections(x: Double, y top: Double, width: Double, sections: [(String, [String])]) -> Double {
        var y = top
        for (title, lines) in sections {
            y += canvas.write(title, ReportStyle.heading, x: x, y: y) + 2
            for line in lines {
                y += canvas.write(line, ReportStyle.body, x: x, y: y, width: width) + 1
            }
            y += 10
        }
        return y
    }
}
