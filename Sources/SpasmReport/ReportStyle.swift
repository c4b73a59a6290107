/// Fonts and measures shared by every page of the report.
enum ReportStyle {
    /// Left, right and top margin; the footer sits in the bottom one.
    static let margin = 42.0
    static let title = Font(size: 17, bold: true)
    static let heading = Font(size: 10.5, bold: true)
    static let body = Font(size: 9)
    static let label = Font(size: 9, bold: true)
    static let small = Font(size: 7.5)
    static let smallBold = Font(size: 7.5, bold: true)
    static let figure = Font(size: 16, bold: true)

    /// The rule above the footer: no content crosses it.
    static func footerLine(pageHeight: Double) -> Double { pageHeight - margin + 4 }
    /// The lowest point content may reach.
    static func contentBottom(pageHeight: Double) -> Double { footerLine(pageHeight: pageHeight) - 6 }
}
