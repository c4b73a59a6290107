import Foundation
import SpasmCore
import SpasmExport

/// How entries read in the terminal.
enum EntryText {
    /// "lower-back (left) 7/10, open · lifting, desk work"
    static func detail(_ entry: Entry) -> String {
        switch entry.body {
        case .episode(let e):
            var text = e.region.rawValue
            if let side = e.side { text += " (\(side.rawValue))" }
            text += " \(e.severity)"
            if let end = e.endedAt {
                text += ", \(duration(end.timeIntervalSince(entry.at)))"
            } else {
                text += ", open"
            }
            if !e.triggers.isEmpty { text += " · after \(e.triggers.joined(separator: ", "))" }
            if !e.redFlags.isEmpty { text += " · RED FLAG: \(e.redFlags.map(\.rawValue).joined(separator: ", "))" }
            return text
        case .caffeine(let c):
            var text = c.drink ?? "caffeine"
            if c.servings != 1 { text += " x\(CaffeineInput.format(c.servings))" }
            return text + " \(CaffeineInput.format(c.milligrams)) mg"
        case .treatment(let t):
            var parts = [t.kind.rawValue + (t.name.map { " (\($0))" } ?? "")]
            if let minutes = t.minutes { parts.append("\(minutes) min") }
            if let relief = t.relief { parts.append("relief \(relief)/10") }
            return parts.joined(separator: ", ")
        case .checkin(let p):
            return "PEG \(SummaryText.decimal(p.score)) (pain \(p.pain), enjoyment \(p.enjoyment), activity \(p.activity))"
        case .activity(let a):
            return a.name + (a.minutes.map { ", \(duration(Double($0) * 60))" } ?? "")
        }
    }

    /// One line for confirmations: "episode #12: lower-back 7/10, open, Sun 29 Nov 04:20".
    static func line(_ entry: Entry) -> String {
        visible("\(entry.kind.rawValue) #\(entry.id ?? 0): \(detail(entry)), \(CivilTime(entry.at, utcOffset: entry.utcOffset).short)")
    }

    /// "Sun 29 Nov 04:20" this year, "Fri 31 Dec 2021 23:59" in any other, so an old entry is not
    /// read as a recent one.
    static func when(_ entry: Entry, now: Date) -> String {
        let time = CivilTime(entry.at, utcOffset: entry.utcOffset)
        guard time.year != CivilTime(now, utcOffset: entry.utcOffset).year else { return time.short }
        return time.short.dropLast(time.clock.count) + "\(time.year) \(time.clock)"
    }

    /// Text with its bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C)
    /// shown as "<U+202E>": printed raw they reorder the rest of the line, so a note could make a
    /// table say what it does not hold. What is stored stays as typed.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) { out += "<U+\(String(scalar.value, radix: 16, uppercase: true))>" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// The first line of a note, shortened for a table cell.
    static func notePreview(_ note: String?, width: Int = 40) -> String {
        guard let note, let first = note.split(separator: "\n", omittingEmptySubsequences: true).first else { return "" }
        let more = note.contains("\n") ? "…" : ""
        return first.count > width ? String(first.prefix(width - 1)) + "…" : String(first) + more
    }

    /// "2h 10m", "45m", "3d 2h".
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 24 * 60 { return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h \(minutes % 60)m" }
        return "\(minutes / 1440)d \(minutes % 1440 / 60)h"
    }

    /// A table with left-aligned columns, a header, and the last column left ragged.
    static func table(header: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map(visible) }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func render(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        var lines = [render(header)]
        lines.reserveCapacity(rows.count + 1)
        for row in rows { lines.append(render(row)) }
        return lines.joined(separator: "\n")
    }
}

/// JSON for --json: sorted keys so scripts and diffs see a stable shape.
enum JSONOutput {
    /// - Parameter snakeCase: derive snake_case keys from Swift property names.
    static func print<T: Encodable>(_ value: T, snakeCase: Bool = false) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        try StandardStream.output(closingEmptyContainers(try encoder.encode(value)) + Data("\n".utf8))
    }

    /// Foundation's pretty printer writes an empty array or object over three lines ("[\n\n  ]");
    /// this writes "[]" and "{}". Inside strings nothing changes (JSON escapes their newlines, and
    /// the scan skips them anyway).
    static func closingEmptyContainers(_ json: Data) -> Data {
        let bytes = [UInt8](json)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0, inString = false
        while index < bytes.count {
            let byte = bytes[index]
            out.append(byte)
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\"), index < bytes.count { out.append(bytes[index]); index += 1 }
                else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                var end = index
                while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\n") { end += 1 }
                let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if end < bytes.count, bytes[end] == close { out.append(close); index = end + 1 }
            }
        }
        return Data(out)
    }
}
