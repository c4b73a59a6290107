import Foundation

/// Rules for the free text a user types: notes, trigger tags, medicine names.
public enum TextField {
    /// Notes may be long (people write a lot after a bad night) but not unbounded: 1 MiB of UTF-8
    /// keeps every export format and a single SQLite row comfortable.
    public static let noteLimitBytes = 1 << 20
    /// Tags and names are labels shown in tables and charts.
    public static let labelLimitCharacters = 100

    /// Checks a note. Control characters other than tab and newline are rejected, never stripped, so
    /// what is stored is exactly what was typed.
    public static func validateNote(_ note: String) throws(InputError) {
        if note.utf8.count > noteLimitBytes {
            throw InputError("note", "is \(note.utf8.count) bytes, over the \(noteLimitBytes)-byte (1 MiB) limit",
                             hint: "split it into two entries or attach a shorter summary")
        }
        if let (offset, scalar) = firstControl(in: note, allowing: ["\t", "\n"]) {
            throw InputError("note", "contains the control character \(describe(scalar)) at character \(offset + 1)",
                             hint: "control characters other than tab and newline are rejected, not stripped; remove it")
        }
    }

    /// Checks a short label such as a trigger tag or a medicine name.
    public static func validateLabel(_ label: String, parameter: String) throws(InputError) {
        let trimmed = collapseWhitespace(label)
        if trimmed.isEmpty { throw InputError(parameter, "is empty") }
        if trimmed.count > labelLimitCharacters {
            throw InputError(parameter, "is \(trimmed.count) characters, over the \(labelLimitCharacters)-character limit",
                             hint: "put longer text in --note")
        }
        if let (offset, scalar) = firstControl(in: label, allowing: []) {
            throw InputError(parameter, "contains the control character \(describe(scalar)) at character \(offset + 1)")
        }
    }

    /// A tag as stored: trimmed, inner runs of white space made one space, lower-cased so that
    /// "Desk work" and "desk work" count as one trigger.
    public static func tag(_ text: String, parameter: String = "trigger") throws(InputError) -> String {
        try validateLabel(text, parameter: parameter)
        return collapseWhitespace(text).lowercased()
    }

    public static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func firstControl(in text: String, allowing allowed: Set<Unicode.Scalar>) -> (Int, Unicode.Scalar)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where !allowed.contains(scalar) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return (offset, scalar) }
        }
        return nil
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let name = scalar.value == 0 ? "NUL " : ""
        return "\(name)U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
    }
}
