import SpasmCore
import SpasmExport

/// The full log after page one: every entry of the period as a table row, oldest first.
///
/// Rows are laid out once, then split into pages, so each page can say "page N of M". A long note is
/// cut into pieces that continue on the following rows, so no row is taller than a page.
struct LogTable {
    let canvas: Canvas
    let rows: [Row]

    struct Row {
        var cells: [TextBlock?]
        var height: Double
        /// The rest of the previous row's note: no rule between them.
        var continuation = false
    }

    static let headers = ["When", "What", "Details", "Note"]
    static let padding = 3.0

    /// Column widths: time, kind, details, then the rest for the note.
    static func widths(_ contentWidth: Double) -> [Double] {
        let fixed = [92.0, 50, 134]
        return fixed + [contentWidth - fixed.reduce(0, +)]
    }

    init(entries: [Entry], canvas: Canvas) {
        self.canvas = canvas
        let widths = Self.widths(canvas.width - 2 * ReportStyle.margin).map { $0 - 2 * Self.padding }
        var rows: [Row] = []
        rows.reserveCapacity(entries.count)
        // Kinds and many details repeat ("coffee 96 mg"): one layout each, drawn as often as needed.
        var repeated: [String: TextBlock] = [:]
        func shared(_ text: String, width: Double) -> TextBlock {
            if let block = repeated[text] { return block }
            let block = canvas.text(text, ReportStyle.cell, width: width)
            repeated[text] = block
            return block
        }
        for entry in entries {
            let time = CivilTime(entry.at, utcOffset: entry.utcOffset)
            let pieces = Self.pieces(of: entry.note ?? "")
            var cells: [TextBlock?] = [
                canvas.text("\(time.date) \(time.clock)", ReportStyle.cell),   // one line: the column fits it
                shared(entry.kind.rawValue, width: widths[1]),
                shared(Self.details(entry), width: widths[2]),
                pieces.first.map { canvas.text($0, ReportStyle.cell, width: widths[3]) },
            ]
            rows.append(Row(cells: cells, height: Self.height(of: cells)))
            for piece in pieces.dropFirst() {
                cells = [nil, nil, nil, canvas.text(piece, ReportStyle.cell, width: widths[3])]
                rows.append(Row(cells: cells, height: Self.height(of: cells), continuation: true))
            }
        }
        self.rows = rows
    }

    private static func height(of cells: [TextBlock?]) -> Double {
        (cells.compactMap { $0?.height }.max() ?? 0) + 2 * padding
    }

    /// Pieces of at most ~400 characters (a few lines each, so pages fill), cut after a line break or a
    /// space where one is near.
    static func pieces(of note: String, limit: Int = 400) -> [String] {
        guard note.count > limit else { return note.isEmpty ? [] : [note] }
        var pieces: [String] = []
        var rest = Substring(note)
        while rest.count > limit {
            let end = rest.index(rest.startIndex, offsetBy: limit)
            let window = rest[rest.index(end, offsetBy: -80)..<end]
            let cut = window.lastIndex(of: "\n") ?? window.lastIndex(of: " ") ?? end
            let next = cut == end ? end : rest.index(after: cut)
            pieces.append(String(rest[..<next]))
            rest = rest[next...]
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }

    static func details(_ entry: Entry) -> String {
        switch entry.body {
        case .episode(let e):
            var text = "\(e.region.rawValue)\(e.side.map { " (\($0.rawValue))" } ?? "") \(e.severity.rawValue)/10"
            if let end = e.endedAt { text += ", \(Int(end.timeIntervalSince(entry.at) / 60)) min" } else { text += ", not ended" }
            if !e.triggers.isEmpty { text += "\nafter " + e.triggers.joined(separator: ", ") }
            if !e.redFlags.isEmpty { text += "\nRED FLAG: " + e.redFlags.map(\.rawValue).joined(separator: ", ") }
            return text
        case .caffeine(let c):
            return "\(c.drink ?? "caffeine")\(c.servings != 1 ? " x\(CaffeineInput.format(c.servings))" : "") \(CaffeineInput.format(c.milligrams)) mg"
        case .treatment(let t):
            var text = t.kind.label + (t.name.map { " (\($0))" } ?? "")
            if let minutes = t.minutes { text += ", \(minutes) min" }
            if let relief = t.relief { text += ", relief \(relief)/10" }
            return text
        case .activity(let a):
            return a.name + (a.minutes.map { ", \($0) min" } ?? "")
        }
    }

    /// Row indices for each page, given the space below the header on a page.
    func pages(available: Double) -> [Range<Int>] {
        var pages: [Range<Int>] = []
        var start = 0, used = 0.0
        for (index, row) in rows.enumerated() {
            if used + row.height > available, index > start {
                pages.append(start..<index)
                start = index
                used = 0
            }
            used += row.height
        }
        if start < rows.count { pages.append(start..<rows.count) }
        return pages
    }

    /// Draws one page of rows under a header line; returns nothing, the footer is drawn by the document.
    func draw(_ range: Range<Int>, top: Double) {
        let widths = Self.widths(canvas.width - 2 * ReportStyle.margin)
        var x = ReportStyle.margin
        var y = top
        canvas.fill(ReportStyle.margin, y, widths.reduce(0, +), 16, .shade)
        for (header, width) in zip(Self.headers, widths) {
            canvas.write(header, ReportStyle.tableHeader, x: x + Self.padding, y: y + 3)
            x += width
        }
        y += 16
        for index in range {
            let row = rows[index]
            x = ReportStyle.margin
            for (cell, width) in zip(row.cells, widths) {
                if let cell { canvas.draw(cell, x: x + Self.padding, y: y + Self.padding) }
                x += width
            }
            y += row.height
            if index + 1 < range.upperBound, rows[index + 1].continuation { continue }
            canvas.line(from: (ReportStyle.margin, y), to: (ReportStyle.margin + widths.reduce(0, +), y), .rule, width: 0.3)
        }
    }
}
