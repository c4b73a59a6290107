/// Columns text takes on a terminal, and text wrapped to a width. East Asian wide characters and
/// emoji take two columns; everything else one (combining marks belong to their Character).
public enum TextWidth {
    public static func columns(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func columns(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns($1) }
    }

    /// Each line of `text` broken at spaces to fit `width` columns; a continuation keeps the line's
    /// indentation (plus two columns after a "- " or digit-led item), and a word wider than the line is cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 8)
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = String(line.prefix { $0 == " " })
            let marker = line.dropFirst(indent.count).hasPrefix("- ") ? "  " : ""
            let hanging = String((indent + marker).prefix(width / 2))
            var current = ""
            var currentWidth = 0
            var lead = indent
            for piece in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(piece)
                while !word.isEmpty {
                    let room = width - columns(lead)
                    let wordWidth = columns(word)
                    if current.isEmpty, wordWidth > room {
                        // A word wider than a whole line is cut, a line's width at a time.
                        let fit = prefix(word, columns: room)
                        lines.append(lead + fit)
                        lead = hanging
                        word = word.dropFirst(fit.count)
                    } else if current.isEmpty {
                        current = String(word); currentWidth = wordWidth; word = ""
                    } else if currentWidth + 1 + wordWidth <= room {
                        current += " " + word; currentWidth += 1 + wordWidth; word = ""
                    } else {
                        lines.append(lead + current)
                        lead = hanging
                        current = ""; currentWidth = 0
                    }
                }
            }
            lines.append(current.isEmpty ? "" : lead + current)
        }
        return lines
    }

    private static func prefix(_ word: Substring, columns limit: Int) -> Substring {
        var used = 0
        var end = word.startIndex
        while end < word.endIndex, used + columns(word[end]) <= max(limit, 1) {
            used += columns(word[end])
            end = word.index(after: end)
        }
        return end == word.startIndex ? word.prefix(1) : word[..<end]
    }
}
