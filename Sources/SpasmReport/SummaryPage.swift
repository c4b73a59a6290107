import SpasmCore
import SpasmExport

/// Page one: what a clinician reads in a minute, in the order they ask (the IMMPACT core domains):
/// pain (how often, how bad, the trend and the comparison with the period before), physical function,
/// red flags, medication days, what was tried and the relief, PT adherence, what raises the risk, and
/// the current suggestions. It is a list of measured pieces: what does not fit moves on to page 2.
struct SummaryPage {
    let summary: PeriodSummary
    /// Today's suggestions, most urgent first, each with the numbers behind it.
    var advice: [Advice] = []
    let canvas: Canvas

    private var left: Double { ReportStyle.margin }
    private var contentWidth: Double { canvas.width - 2 * ReportStyle.margin }
    /// The label column of the rows ("Medication days", "PT routine").
    private static let labelWidth = 100.0
    private var valueX: Double { left + Self.labelWidth + 10 }
    private var valueWidth: Double { contentWidth - Self.labelWidth - 10 }

    /// The suggestions page one names, in the order shown (what needs more data is left to `spasm suggest`).
    var shownAdvice: [Advice] { advice.filter { $0.kind != .dataNeeded } }

    /// Page one's section, then the suggestions in full when page one had to cut any.
    func sections() -> [PageFlow.Section] {
        let details = PageReference()
        var pieces = header() + pain()
        pieces += function()
        pieces += redFlags()
        pieces += row("Medication days", [SummaryText.medicationDayLines(summary).joined(separator: "; ")])
        pieces += grid("Treatments tried", nonEmpty(treatments()))
        pieces += row("PT routine", [SummaryText.ptAdherence(summary) ?? "no sessions scheduled in [pt]"])
        pieces += risk()
        let (suggestionPieces, cut) = suggestions(details: details)
        pieces += suggestionPieces
        let continued = paragraph("Summary, continued from page 1", ReportStyle.smallBold, color: .muted, space: 0)
        var sections = [PageFlow.Section(pieces: pieces, continued: continued, pageOne: true)]
        if !cut.isEmpty { sections.append(suggestionsInFull(cut, details: details)) }
        return sections
    }

    // MARK: Pain

    private func header() -> [PageFlow.Piece] {
        [paragraph("Neck and back spasm journal", ReportStyle.title, space: 0),
         paragraph("Period: \(SummaryText.period(summary))", ReportStyle.body, color: .muted, space: 2)]
    }

    /// The four figures, the comparison with the period before, the weekly chart and where it hurts.
    private func pain() -> [PageFlow.Piece] {
        var pieces = [figures()]
        pieces.append(paragraph(SummaryText.comparison(summary), ReportStyle.body, space: 5))
        if summary.episodeCount == 0 && summary.entries.isEmpty {
            pieces.append(paragraph("No entries were logged in this period.", ReportStyle.heading, space: 8))
        }
        let chart = WeeklyChart(summary: summary, canvas: canvas)
        let x = left, width = contentWidth
        pieces.append(PageFlow.Piece(height: WeeklyChart.height, space: 12) { y in chart.draw(x: x, y: y, width: width) })
        pieces += row("Body regions", [SummaryText.regions(summary) ?? "none"], space: 10)
        return pieces
    }

    // MARK: Function

    /// The PEG score week by week as a small line, with its first and last value in words beside it.
    private func function() -> [PageFlow.Piece] {
        var pieces = row("Function (PEG)", [SummaryText.peg(summary)])
        let scores = summary.weeks.map(\.peg)
        guard scores.compactMap({ $0 }).count >= 2 else { return pieces }
        let page = canvas, x = valueX, width = min(valueWidth, 260.0), height = 36.0
        let labels = (page.text("10", ReportStyle.small), page.text("0", ReportStyle.small))
        pieces.append(PageFlow.Piece(height: height, space: 3) { y in
            let plotX = x + 14, plotWidth = width - 14
            page.draw(labels.0, x: x, y: y, .muted)
            page.draw(labels.1, x: x, y: y + height - labels.1.height, .muted)
            page.line(from: (plotX, y + height), to: (plotX + plotWidth, y + height), .rule, width: 0.3)
            let step = scores.count > 1 ? plotWidth / Double(scores.count - 1) : 0
            var previous: (Double, Double)?
            for (index, score) in scores.enumerated() {
                guard let score else { continue }
                let point = (plotX + Double(index) * step, y + height - score / 10 * height)
                if let previous { page.line(from: previous, to: point, .ink, width: 0.8) }
                page.fill(point.0 - 1.2, point.1 - 1.2, 2.4, 2.4, .ink)
                previous = point
            }
        })
        return pieces
    }

    /// Four numbers in boxes: episodes, per week, mean and worst severity.
    private func figures() -> PageFlow.Piece {
        let values = [
            ("\(summary.episodeCount)", "episodes"),
            (SummaryText.decimal(summary.episodesPerWeek), "episodes a week"),
            (summary.severityMean.map { SummaryText.decimal($0) + "/10" } ?? "–", "mean severity"),
            (summary.severityWorst.map { "\($0.rawValue)/10" } ?? "–", "worst severity"),
        ]
        let gap = 10.0
        let width = (contentWidth - gap * Double(values.count - 1)) / Double(values.count)
        let page = canvas
        let blocks = values.map { (page.text($0.0, ReportStyle.figure, width: width - 16), page.text($0.1, ReportStyle.small, width: width - 16)) }
        let height = (blocks.map { $0.0.height + $0.1.height }.max() ?? 0) + 10
        let left = left
        return PageFlow.Piece(height: height, space: 12) { top in
            for (index, (value, label)) in blocks.enumerated() {
                let x = left + Double(index) * (width + gap)
                page.fill(x, top, width, height, .shade)
                page.draw(value, x: x + 8, y: top + 4)
                page.draw(label, x: x + 8, y: top + 4 + value.height, .muted)
            }
        }
    }

    // MARK: Red flags, medicines, treatments, PT

    /// Every red flag ever reported, with its dates and whether it was acknowledged, in a box that
    /// cannot be missed; one piece per flag, so a long list continues on the next page.
    private func redFlags() -> [PageFlow.Piece] {
        let lines = SummaryText.redFlags(summary)
        guard !lines.isEmpty else { return row("Red flags", ["none reported"], space: 10) }
        let page = canvas, x = left, width = contentWidth
        func boxed(_ block: TextBlock, _ color: Color, pad: (top: Double, bottom: Double), space: Double, keep: Bool) -> PageFlow.Piece {
            let height = block.height + pad.top + pad.bottom
            return PageFlow.Piece(height: height, space: space, keepWithNext: keep) { y in
                page.fill(x, y, width, height, .alertShade)
                page.fill(x, y, 3, height, .alert)
                page.draw(block, x: x + 10, y: y + pad.top, color)
            }
        }
        let heading = page.text("Red flags ever reported (not only in this period)", ReportStyle.heading, width: width - 20)
        var pieces = [boxed(heading, .alert, pad: (6, 2), space: 12, keep: true)]
        for (index, line) in lines.enumerated() {
            let block = page.text("• " + line, ReportStyle.body, width: width - 20)
            pieces.append(boxed(block, .ink, pad: (1, index == lines.count - 1 ? 6 : 1), space: 0, keep: false))
        }
        return pieces
    }

    // MARK: What raises the risk

    /// What raises the risk of an episode: the rate of spasms after each activity against other logged
    /// time, with its interval (`ActivityRisk`, from `--activities`), then the caffeine.
    private func risk() -> [PageFlow.Piece] {
        var heading = paragraph(SummaryText.activitiesHeading(summary), ReportStyle.label, space: 7)
        heading.keepWithNext = true
        let estimates = SummaryText.activities(summary).map { paragraph($0, ReportStyle.body, x: valueX, width: valueWidth, space: 1) }
        return [heading] + estimates + row("Caffeine", [SummaryText.caffeine(summary)])
    }

    // MARK: Suggestions

    /// Each suggestion in at most two lines; when some are cut, the heading names the page with those in
    /// full. Returns the pieces and the suggestions cut.
    private func suggestions(details: PageReference) -> ([PageFlow.Piece], [Advice]) {
        let shown = shownAdvice
        guard !shown.isEmpty else { return ([], []) }
        let page = canvas, x = left, width = contentWidth
        let blocks = shown.map { page.text("• \($0.title): \($0.reason)", ReportStyle.small, width: width, maxLines: 2, boldPrefix: "• \($0.title):".utf8.count) }
        let cut = zip(shown, blocks).filter { $0.1.isCut }.map(\.0)
        let anyCut = !cut.isEmpty
        // The heading names a page known only after layout: measure one line of its font now, draw later.
        let probe = page.text("Current suggestions", ReportStyle.heading, width: width)
        let here = PageReference()
        let heading = PageFlow.Piece(height: probe.height, space: 12, keepWithNext: true, reference: here) { y in
            let where_ = !anyCut ? "" : details.page == here.page ? ", in full below" : ", in full on page \(details.page)"
            page.write("Current suggestions (spasm suggest)" + where_, ReportStyle.heading, x: x, y: y, width: width)
        }
        var pieces = [heading]
        for block in blocks {
            pieces.append(PageFlow.Piece(height: block.height, space: 3) { y in page.draw(block, x: x, y: y) })
        }
        return (pieces, cut)
    }

    /// The suggestions page one had to cut, with their whole reason and the data their rule needs.
    private func suggestionsInFull(_ cut: [Advice], details: PageReference) -> PageFlow.Section {
        var heading = paragraph("Current suggestions in full", ReportStyle.heading, space: 14)
        heading.keepWithNext = true
        heading.reference = details
        var pieces = [heading]
        for item in cut {
            // The title in bold, then why; the data each rule needs is in `spasm suggest`.
            let block = canvas.text("\(item.title): \(item.reason)", ReportStyle.small, width: contentWidth, boldPrefix: item.title.utf8.count + 1)
            let page = canvas, x = left
            pieces.append(PageFlow.Piece(height: block.height, space: 4) { y in page.draw(block, x: x, y: y) })
        }
        return PageFlow.Section(pieces: pieces, continued: paragraph("Current suggestions in full, continued", ReportStyle.smallBold, color: .muted, space: 0))
    }

    // MARK: Pieces

    private func nonEmpty(_ lines: [String]) -> [String] { lines.isEmpty ? ["none logged"] : lines }

    /// "supine rest: 14×, relief 4.1/10 (14 rated)": short enough for half a row.
    private func treatments() -> [String] {
        summary.treatments.map { use in
            "\(use.kind.label): \(use.count)×, " + (use.reliefMean.map { "relief \(SummaryText.decimal($0))/10 (\(use.reliefRatings) rated)" } ?? "relief not rated")
        }
    }

    /// Text across the page (or from `x`, `width` wide).
    private func paragraph(_ text: String, _ font: Font, x: Double? = nil, width: Double? = nil, color: Color = .ink, space: Double) -> PageFlow.Piece {
        let block = canvas.text(text, font, width: width ?? contentWidth)
        let page = canvas, at = x ?? left
        return PageFlow.Piece(height: block.height, space: space) { y in page.draw(block, x: at, y: y, color) }
    }

    /// A bold label on the left and its short lines beside it in two columns, a piece per pair of lines.
    private func grid(_ label: String, _ lines: [String], space: Double = 7) -> [PageFlow.Piece] {
        guard lines.count > 2 else { return row(label, lines, space: space) }
        let page = canvas, x = left, valueX = valueX, column = (valueWidth - 10) / 2
        let labelBlock = page.text(label, ReportStyle.label, width: Self.labelWidth)
        let blocks = lines.map { page.text($0, ReportStyle.small, width: column) }
        return stride(from: 0, to: blocks.count, by: 2).map { index in
            let pair = Array(blocks[index..<min(index + 2, blocks.count)])
            let first = index == 0
            let height = max(pair.map(\.height).max() ?? 0, first ? labelBlock.height : 0)
            return PageFlow.Piece(height: height, space: first ? space : 1) { y in
                if first { page.draw(labelBlock, x: x, y: y) }
                for (n, block) in pair.enumerated() { page.draw(block, x: valueX + Double(n) * (column + 10), y: y) }
            }
        }
    }

    /// A bold label on the left and its lines beside it, one piece per line; the label rides with the first.
    private func row(_ label: String, _ lines: [String], space: Double = 7) -> [PageFlow.Piece] {
        let page = canvas, x = left, valueX = valueX, width = valueWidth
        let labelBlock = page.text(label, ReportStyle.label, width: Self.labelWidth)
        return lines.enumerated().map { index, line in
            let block = page.text(line, ReportStyle.body, width: width)
            let first = index == 0
            let height = first ? max(block.height, labelBlock.height) : block.height
            return PageFlow.Piece(height: height, space: first ? space : 1) { y in
                if first { page.draw(labelBlock, x: x, y: y) }
                page.draw(block, x: valueX, y: y)
            }
        }
    }
}
