import Foundation
import SpasmCore
import SpasmExport

/// The PDF for an appointment: the summary page, then the full log, every page numbered.
public enum ReportDocument {
    public static func render(_ summary: PeriodSummary, advice: [Advice] = [], paper: PaperSize) throws -> Data {
        let (width, height) = paper.points
        let canvas = Canvas(width: width, height: height)
        canvas.setMetadata(title: "Neck and back spasm journal, \(summary.period.description)")
        let table = LogTable(entries: summary.entries, canvas: canvas)
        let top = ReportStyle.margin + 22
        let footer = 30.0
        let pages = table.pages(available: height - top - 16 - ReportStyle.margin - footer)
        let total = 1 + pages.count

        SummaryPage(summary: summary, advice: advice, canvas: canvas).draw()
        drawFooter(canvas, page: 1, of: total, period: summary.period)
        for (index, range) in pages.enumerated() {
            canvas.newPage()
            canvas.write("Full log, \(summary.period.description)", ReportStyle.heading, x: ReportStyle.margin, y: ReportStyle.margin)
            table.draw(range, top: top)
            drawFooter(canvas, page: index + 2, of: total, period: summary.period)
        }
        return try canvas.finish()
    }

    private static func drawFooter(_ canvas: Canvas, page: Int, of total: Int, period: ExportPeriod) {
        let y = canvas.height - ReportStyle.margin + 8
        canvas.line(from: (ReportStyle.margin, y - 4), to: (canvas.width - ReportStyle.margin, y - 4), .rule, width: 0.3)
        canvas.write("spasm journal, \(period.description)", ReportStyle.small, x: ReportStyle.margin, y: y, .muted)
        canvas.write("Page \(page) of \(total)", ReportStyle.small, x: ReportStyle.margin, y: y,
                     width: canvas.width - 2 * ReportStyle.margin, .muted, align: .right)
    }
}
