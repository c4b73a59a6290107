import Foundation

/// Unicode block charts for the terminal, coloured only on a terminal and never with NO_COLOR.
struct Charts {
    /// Whether to emit ANSI colours: standard output is a terminal and NO_COLOR is unset or empty
    /// (https://no-color.org).
    let colour: Bool

    static func forStandardOutput() -> Charts {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Charts(colour: isatty(STDOUT_FILENO) == 1 && !noColor)
    }

    enum Colour: String {
        case red = "31", green = "32", yellow = "33", cyan = "36", bold = "1", dim = "2"
    }

    func paint(_ text: String, _ colour: Colour) -> String {
        self.colour && !text.isEmpty ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A horizontal bar `value / maximum` of `width` cells, in eighths of a cell.
    static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let eighthsTotal = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        let full = eighthsTotal / 8
        // A value above zero always shows at least a sliver.
        let rest = eighthsTotal == 0 ? 1 : eighthsTotal % 8
        return String(repeating: "█", count: full) + eighths[rest]
    }

    /// One cell per value, ▁ to █ against `maximum`; a blank for zero.
    static func sparkline(_ values: [Double], maximum: Double) -> [String] {
        values.map { value in
            guard value > 0, maximum > 0 else { return " " }
            return levels[min(7, max(0, Int((value / maximum * 8).rounded(.up)) - 1))]
        }
    }

    /// Rows of `label  bar  value`, the bars scaled to the largest value.
    func bars(_ rows: [(label: String, value: Double, text: String, colour: Colour)], width: Int = 40, maximum: Double? = nil) -> [String] {
        let top = maximum ?? rows.map(\.value).max() ?? 0
        let labelWidth = rows.map(\.label.count).max() ?? 0
        return rows.map { row in
            let bar = Self.bar(row.value, maximum: top, width: width)
            let padded = row.label + String(repeating: " ", count: labelWidth - row.label.count)
            return "  \(padded)  \(paint(bar, row.colour))\(String(repeating: " ", count: max(0, width + 1 - bar.count))) \(row.text)"
        }
    }
}

/// Text wrapped to a width, for suggestions' reasons.
enum Wrap {
    static func lines(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
