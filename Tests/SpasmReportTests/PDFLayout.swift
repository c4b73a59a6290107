import Foundation

/// A PDF's text lines as poppler sees them (`pdftotext -bbox-layout`): where each line of each page is.
struct PDFLayout {
    /// A box poppler drew around text: a line, or one word of it.
    struct Box {
        var xMin, yMin, xMax, yMax: Double
        var text: String

        /// The middle of the box, 30 % to 70 % of its height: where the letters' bodies are. poppler sizes
        /// a box from the font's declared extent (for Noto Sans 1.07 em above the baseline and 0.75 em
        /// below it), so boxes of lines set at their natural spacing (1.36 em) intersect; their middles
        /// lie 0.64 em apart. Text printed over text brings the middles together.
        var core: ClosedRange<Double> { (yMin + 0.3 * (yMax - yMin))...(yMin + 0.7 * (yMax - yMin)) }

        /// Whether two words were printed one over the other. Words on one baseline may touch (a mark
        /// that combines with the letter before it is a word of its own to poppler), but not cover each
        /// other by more than 2 points; words on different baselines must not share their middles.
        func overlaps(_ other: Box) -> Bool {
            let across = min(xMax, other.xMax) - max(xMin, other.xMin)
            let height = min(yMax - yMin, other.yMax - other.yMin)
            let sameBaseline = abs((core.lowerBound + core.upperBound) - (other.core.lowerBound + other.core.upperBound)) / 2 < 0.15 * height
            if sameBaseline { return across > 2 }
            let down = min(core.upperBound, other.core.upperBound) - max(core.lowerBound, other.core.lowerBound)
            return across > 0.5 && down > 0.3
        }
    }

    typealias Line = Box

    struct Page {
        var width: Double, height: Double
        var lines: [Line] = []
        var words: [Box] = []
        var text: String { lines.map(\.text).joined(separator: "\n") }
    }

    var pages: [Page] = []

    /// Pairs of words on a page printed one over the other (sorted by their tops, each word compared with
    /// those starting above its middle's end).
    static func overlaps(_ page: Page) -> [(Box, Box)] {
        let words = page.words.sorted { $0.yMin < $1.yMin }
        var found: [(Box, Box)] = []
        for (i, a) in words.enumerated() {
            var j = i + 1
            while j < words.count, words[j].yMin < a.yMax {
                if a.overlaps(words[j]) { found.append((a, words[j])) }
                j += 1
            }
        }
        return found
    }

    /// Runs pdftotext on `pdf` and reads its XHTML.
    init(pdf: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-bbox-layout", pdf, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        self.init(xhtml: String(decoding: data, as: UTF8.self))
    }

    init(xhtml: String) {
        var line: Line?
        for row in xhtml.split(separator: "\n") {
            let text = row.drop { $0 == " " }
            if text.hasPrefix("<page ") {
                pages.append(Page(width: Self.number("width", in: text), height: Self.number("height", in: text)))
            } else if text.hasPrefix("<line ") {
                line = Line(xMin: Self.number("xMin", in: text), yMin: Self.number("yMin", in: text),
                            xMax: Self.number("xMax", in: text), yMax: Self.number("yMax", in: text), text: "")
            } else if text.hasPrefix("<word "), let start = text.unicodeScalars.firstIndex(of: ">"),
                      let end = text.range(of: "</word>", options: [.backwards, .literal]) {
                // By scalars: a word may begin with a combining mark, which would join the tag's ">".
                let word = Self.unescape(String(text.unicodeScalars[text.unicodeScalars.index(after: start)..<end.lowerBound]))
                pages[pages.count - 1].words.append(Box(xMin: Self.number("xMin", in: text), yMin: Self.number("yMin", in: text),
                                                        xMax: Self.number("xMax", in: text), yMax: Self.number("yMax", in: text), text: word))
                if var current = line {
                    current.text += current.text.isEmpty ? word : " " + word
                    line = current
                }
            } else if text.hasPrefix("</line>"), let done = line {
                pages[pages.count - 1].lines.append(done)
                line = nil
            }
        }
    }

    private static func number(_ name: String, in text: Substring) -> Double {
        guard let range = text.range(of: name + "=\"") else { return .nan }
        return Double(text[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
