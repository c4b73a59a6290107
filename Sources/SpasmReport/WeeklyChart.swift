import SpasmExport

/// Episodes per week as stacked bars, one colour per severity band.
struct WeeklyChart {
    let summary: PeriodSummary
    let canvas: Canvas

    /// The height `draw` uses, title, legend and date labels included.
    static let height = 92.0

    /// Draws the chart with its title and legend, `height` points tall from `top`.
    func draw(x: Double, y top: Double, width: Double) {
        var y = top + canvas.write("Episodes per week, by severity", ReportStyle.heading, x: x, y: top) + 4
        let colors: [Color] = [.mild, .moderate, .severe]
        var legendX = x
        for band in PeriodSummary.Band.allCases {
            canvas.fill(legendX, y + 2, 8, 8, colors[band.rawValue])
            let label = canvas.text(band.label, ReportStyle.small)
            canvas.draw(label, x: legendX + 12, y: y + 1, .muted)
            legendX += 12 + label.width + 16
        }
        y += 16
        let weeks = summary.weeks
        let most = max(1, weeks.map(\.total).max() ?? 1)
        let axis = 22.0
        let plotX = x + axis, plotWidth = width - axis
        let plotHeight = top + Self.height - 14 - y
        canvas.line(from: (plotX, y + plotHeight), to: (plotX + plotWidth, y + plotHeight), .muted)
        canvas.write("\(most)", ReportStyle.small, x: x, y: y - 4, .muted)
        canvas.write("0", ReportStyle.small, x: x, y: y + plotHeight - 8, .muted)
        canvas.line(from: (plotX, y), to: (plotX + plotWidth, y), .rule, width: 0.3)
        let slot = plotWidth / Double(weeks.count)
        let bar = max(0.6, slot * 0.75)
        for (index, week) in weeks.enumerated() {
            var base = y + plotHeight
            for band in PeriodSummary.Band.allCases where week.episodes[band.rawValue] > 0 {
                let h = Double(week.episodes[band.rawValue]) / Double(most) * plotHeight
                canvas.fill(plotX + Double(index) * slot + (slot - bar) / 2, base - h, bar, h, colors[band.rawValue])
                base -= h
            }
        }
        if let first = weeks.first, let last = weeks.last {
            canvas.write("week of \(first.start)", ReportStyle.small, x: plotX, y: y + plotHeight + 3, .muted)
            if weeks.count > 1 {
                canvas.write("week of \(last.start)", ReportStyle.small, x: plotX, y: y + plotHeight + 3, width: plotWidth, .muted, align: .right)
            }
        }
    }
}
