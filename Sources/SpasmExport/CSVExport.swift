import Foundation
import SpasmCore

/// One CSV table per kind of record.
public enum CSVTable: String, Sendable, CaseIterable {
    case episodes, caffeine, treatments, activities, checkins

    /// The entries this table holds.
    public var kind: Entry.Kind {
        switch self {
        case .episodes: .episode
        case .caffeine: .caffeine
        case .treatments: .treatment
        case .checkins: .checkin
        case .activities: .activity
        }
    }
}

/// CSV as RFC 4180 describes it: UTF-8, a header row, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break. Times are the user's own clock, ISO 8601 with the UTC offset they
/// were at ("2026-12-01T09:37:00+01:00"; "+00:00", never "Z", which would read as a time in UTC).
///
/// A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as a formula, so such
/// cells get a leading single quote, as OWASP's CSV-injection guidance recommends. Numbers spasm
/// writes are never negative, so only text is ever changed.
public enum CSVExport {
    public static func render(_ table: CSVTable, entries: [Entry]) -> String {
        String(decoding: renderBytes(table, entries: entries), as: UTF8.self)
    }

    /// The table as UTF-8 bytes, written field by field without intermediate strings.
    public static func renderBytes(_ table: CSVTable, entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 120)
        for (index, name) in header(table).enumerated() { field(name, first: index == 0, to: &out) }
        out += [0x0D, 0x0A]
        for entry in entries where entry.kind == table.kind {
            row(entry, to: &out)
            out += [0x0D, 0x0A]
        }
        return out
    }

    static func header(_ table: CSVTable) -> [String] {
        switch table {
        case .episodes: ["uuid", "start", "end", "region", "side", "severity", "triggers", "red_flags", "note"]
        case .caffeine: ["uuid", "time", "drink", "servings", "milligrams", "note"]
        case .treatments: ["uuid", "time", "kind", "name", "minutes", "relief", "note"]
        case .checkins: ["uuid", "time", "pain", "enjoyment", "activity", "peg_score", "note"]
        case .activities: ["uuid", "time", "activity", "minutes", "note"]
        }
    }

    static func row(_ entry: Entry, to out: inout [UInt8]) {
        TextBytes.appendUUID(entry.uuid, to: &out)
        out.append(0x2C)
        TextBytes.appendISO8601(entry.at, utcOffset: entry.utcOffset, zulu: false, to: &out)
        switch entry.body {
        case .episode(let e):
            out.append(0x2C)
            if let end = e.endedAt { TextBytes.appendISO8601(end, utcOffset: e.endedUTCOffset ?? entry.utcOffset, zulu: false, to: &out) }
            field(e.region.rawValue, to: &out)
            field(e.side?.rawValue ?? "", to: &out)
            field(String(e.severity.rawValue), to: &out)
            field(e.triggers.joined(separator: "; "), to: &out)
            field(e.redFlags.map(\.rawValue).joined(separator: "; "), to: &out)
        case .caffeine(let c):
            field(c.drink ?? "", to: &out)
            field(CaffeineInput.format(c.servings), to: &out)
            field(CaffeineInput.format(c.milligrams), to: &out)
        case .treatment(let t):
            field(t.kind.rawValue, to: &out)
            field(t.name ?? "", to: &out)
            field(t.minutes.map(String.init) ?? "", to: &out)
            field(t.relief.map(String.init) ?? "", to: &out)
        case .checkin(let p):
            field(String(p.pain), to: &out)
            field(String(p.enjoyment), to: &out)
            field(String(p.activity), to: &out)
            field(SummaryText.decimal(p.score), to: &out)
        case .activity(let a):
            field(a.name, to: &out)
            field(a.minutes.map(String.init) ?? "", to: &out)
        }
        field(entry.note ?? "", to: &out)
    }

    /// One field (after a comma unless it is the first): neutralised if a spreadsheet would run it,
    /// quoted if it needs to be.
    static func field(_ text: String, first: Bool = false, to out: inout [UInt8]) {
        if !first { out.append(0x2C) }
        var text = text
        text.withUTF8 { utf8 in
            let neutralise = utf8.first.map(formulaStarts.contains) ?? false
            let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quote { out.append(0x22) }
            if neutralise { out.append(0x27) }
            if quote {
                for byte in utf8 {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: utf8)
            }
        }
    }

    /// One field as text, for tests and callers that build a row themselves.
    public static func field(_ text: String) -> String {
        var out: [UInt8] = []
        field(text, first: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// = + - @ tab and carriage return.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
