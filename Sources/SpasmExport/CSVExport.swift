import SpasmCore

/// One CSV table per kind of record.
public enum CSVTable: String, Sendable, CaseIterable {
    case episodes, caffeine, treatments

    /// The entries this table holds.
    public var kind: Entry.Kind {
        switch self {
        case .episodes: .episode
        case .caffeine: .caffeine
        case .treatments: .treatment
        }
    }
}

/// CSV as RFC 4180 describes it: UTF-8, a header row, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break. Times are ISO 8601 with the UTC offset the user was at.
///
/// A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as a formula, so such
/// cells get a leading single quote, as OWASP's CSV-injection guidance recommends. Numbers spasm
/// writes are never negative, so only text is ever changed.
public enum CSVExport {
    public static func render(_ table: CSVTable, entries: [Entry]) -> String {
        var out = ""
        appendRow(header(table), to: &out)
        for entry in entries where entry.kind == table.kind {
            appendRow(row(entry), to: &out)
        }
        return out
    }

    static func header(_ table: CSVTable) -> [String] {
        switch table {
        case .episodes: ["uuid", "start", "end", "region", "side", "severity", "triggers", "red_flags", "note"]
        case .caffeine: ["uuid", "time", "drink", "servings", "milligrams", "note"]
        case .treatments: ["uuid", "time", "kind", "name", "minutes", "relief", "note"]
        }
    }

    static func row(_ entry: Entry) -> [String] {
        let uuid = entry.uuid.uuidString.lowercased()
        let time = CivilTime(entry.at, utcOffset: entry.utcOffset).iso8601
        let note = entry.note ?? ""
        switch entry.body {
        case .episode(let e):
            return [uuid, time, e.endedAt.map { CivilTime($0, utcOffset: e.endedUTCOffset ?? entry.utcOffset).iso8601 } ?? "",
                    e.region.rawValue, e.side?.rawValue ?? "", String(e.severity.rawValue),
                    e.triggers.joined(separator: "; "), e.redFlags.map(\.rawValue).joined(separator: "; "), note]
        case .caffeine(let c):
            return [uuid, time, c.drink ?? "", CaffeineInput.format(c.servings), CaffeineInput.format(c.milligrams), note]
        case .treatment(let t):
            return [uuid, time, t.kind.rawValue, t.name ?? "", t.minutes.map(String.init) ?? "", t.relief.map(String.init) ?? "", note]
        }
    }

    static func appendRow(_ cells: [String], to out: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += "," }
            out += field(cell)
        }
        out += "\r\n"
    }

    /// One field: neutralised if a spreadsheet would run it, quoted if it needs to be.
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
