/// Fonts and measures shared by every page of the report.
enum ReportStyle {
    static let margin = 42.0
    static let title = Font(size: 17, bold: true)
    static let heading = Font(size: 10.5, bold: true)
    static let body = Font(size: 9)
    static let small = Font(size: 7.5)
    static let figure = Font(size: 16, bold: true)
    static let tableHeader = Font(size: 8, bold: true)
    static let cell = Font(size: 8)
}
