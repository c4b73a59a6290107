import Foundation
import Testing
import SpasmCore
import SpasmExport
@testable import SpasmReport

/// Page one never overflows, whatever the journal: rendered for seeded random journals of every shape
/// and read back with poppler, no text leaves the margins, crosses the footer line or lands on other text.
@Suite struct PageOneFitsTests {
    static let margin = 42.0

    @Test func twoHundredRandomJournalsStayInsideTheirPages() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spasm-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var shapes = Set<String>()
        for seed in UInt64(1)...200 {
            let journal = RandomJournal(seed: seed)
            let summary = journal.summary()
            let pdf = try ReportDocument.render(summary, advice: journal.advice, paper: journal.paper)
            let path = directory.appendingPathComponent("\(seed).pdf").path
            try pdf.write(to: URL(fileURLWithPath: path))
            let layout = try PDFLayout(pdf: path)
            let problems = Self.problems(layout, paper: journal.paper) + Self.missing(journal, summary, layout)
            #expect(problems.isEmpty, "seed \(seed) (\(path)): \(problems.prefix(5))")
            if problems.isEmpty { try? FileManager.default.removeItem(atPath: path) }
            shapes.insert("\(journal.paper) \(summary.period.days) days")
        }
        // The seeds cover both papers, and periods from a day to ten years.
        #expect(shapes.contains { $0.hasPrefix("a4") } && shapes.contains { $0.hasPrefix("letter") })
        #expect(shapes.contains { $0.hasSuffix(" 1 days") } && shapes.contains { $0.hasSuffix(" 3650 days") })
    }

    /// Text outside the margins, across the footer line, or on other text.
    static func problems(_ layout: PDFLayout, paper: PaperSize) -> [String] {
        var problems: [String] = []
        let (width, height) = paper.points
        let footerLine = ReportStyle.footerLine(pageHeight: height)
        for (number, page) in layout.pages.enumerated() {
            let label = "page \(number + 1)"
            if abs(page.width - width) > 0.5 || abs(page.height - height) > 0.5 { problems.append("\(label) is \(page.width)x\(page.height)") }
            for line in page.lines {
                if line.xMin < margin - 0.5 || line.xMax > width - margin + 0.5 || line.yMin < margin - 0.5 {
                    problems.append("\(label): outside the margins: \(line.text.prefix(60)) \(line.xMin),\(line.yMin)-\(line.xMax)")
                }
                let footer = line.yMin >= footerLine
                if !footer, line.yMax > footerLine { problems.append("\(label): across the footer line: \(line.text.prefix(60)) \(line.yMax)") }
                if footer, line.yMax > height { problems.append("\(label): footer off the page: \(line.text.prefix(60))") }
                if footer, !(line.text.hasPrefix("spasm journal,") || line.text.hasPrefix("Page ")) {
                    problems.append("\(label): below the footer line: \(line.text.prefix(60))")
                }
            }
            for (a, b) in PDFLayout.overlaps(page) {
                problems.append("\(label): '\(a.text.prefix(40))' overlaps '\(b.text.prefix(40))' at \(a.xMin),\(a.yMin) / \(b.xMin),\(b.yMin)")
            }
        }
        if layout.pages.isEmpty { problems.append("no pages") }
        return problems
    }

    /// Nothing is cut silently: page one says when it continues, every suggestion's title is in the
    /// document, and the page numbers count the pages.
    static func missing(_ journal: RandomJournal, _ summary: PeriodSummary, _ layout: PDFLayout) -> [String] {
        var problems: [String] = []
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace && $0 != "…" } }
        let all = squeezed(layout.pages.map(\.text).joined())
        let one = layout.pages.first?.text ?? ""
        if !one.contains("Neck and back spasm journal") { problems.append("no title on page one") }
        if !one.contains("Page 1 of \(layout.pages.count)") { problems.append("page one is not 'Page 1 of \(layout.pages.count)'") }
        let overflowed = layout.pages.count > 1 && layout.pages[1].text.contains("Summary, continued from page 1")
        if overflowed != one.contains("Continued on page 2.") { problems.append("page one's continuation is not announced") }
        // Each title starts "Suggestion N:"; poppler extracts right-to-left text in visual order, so only
        // that part is compared.
        for n in journal.advice.indices where !all.contains("Suggestion\(n):") {
            problems.append("suggestion \(n) missing")
        }
        for flag in summary.redFlags where !all.contains(squeezed("[\(flag.flag.rawValue)]")) {
            problems.append("red flag missing: \(flag.flag.rawValue)")
        }
        return problems
    }
}
