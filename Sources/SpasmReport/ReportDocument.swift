import Foundation
import SpasmCore
import SpasmExport

/// The PDF for an appointment: the summary page, then the log one block per day, every page numbered.
///
/// Everything is measured first and laid down pages by `PageFlow`, so no text crosses the footer line
/// or lands on other text: what does not fit on page one moves on, and page one says so.
public enum ReportDocument {
    public static func render(_ summary: PeriodSummary, advice: [Advice] = [], paper: PaperSize) throws -> Data {
        let (width, height) = paper.points
        let canvas = Canvas(width: width, height: height)
        canvas.setMetadata(title: "Neck and back spasm journal, \(summary.period.description)")
        let continued = canvas.text("Continued on page 2.", ReportStyle.small, width: width - 2 * ReportStyle.margin)
        var flow = PageFlow(top: ReportStyle.margin, bottom: ReportStyle.contentBottom(pageHeight: height),
                            pageOneReserve: continued.height + 6)
        let summaryPage = SummaryPage(summary: summary, advice: advice, canvas: canvas)
        let log = DayLog(entries: summary.entries, dayStartHour: summary.dayStartHour, canvas: canvas)
        flow.place(summaryPage.sections() + [log.section(title: "Log by day, \(summary.period.description)")])

        for page in 0..<flow.pageCount {
            if page > 0 { canvas.newPage() }
            flow.draw(page: page)
            if page == 0, flow.pageOneOverflowed {
                canvas.draw(continued, x: ReportStyle.margin, y: flow.bottom - continued.height, .muted)
            }
            drawFooter(canvas, page: page + 1, of: flow.pageCount, period: summary.period)
        }
        return try canvas.finish()
    }

    private static func drawFooter(_ canvas: Canvas, page: Int, of total: Int, period: ExportPeriod) {
        let y = ReportStyle.footerLine(pageHeight: canvas.height)
        let width = canvas.width - 2 * ReportStyle.margin
        canvas.line(from: (ReportStyle.margin, y), to: (canvas.width - ReportStyle.margin, y), .rule, width: 0.3)
        canvas.write("spasm journal, \(period.description)", ReportStyle.small, x: ReportStyle.margin, y: y + 4, width: width, .muted)
        canvas.write("Page \(page) of \(total)", ReportStyle.small, x: ReportStyle.margin, y: y + 4, width: width, .muted, align: .right)
    }
}
