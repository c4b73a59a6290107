import Foundation

/// Pain on the 0-10 numeric rating scale (0 no pain, 10 the worst imaginable).
public struct Severity: RawRepresentable, Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: Int

    public init?(rawValue: Int) {
        guard (0...10).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Reads "7" or "7/10"; anything else, or a number outside 0-10, is an input error.
    public init(parsing text: String, parameter: String = "severity") throws(InputError) {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.hasSuffix("/10") { digits = digits.dropLast(3) }
        guard let value = Int(digits) else {
            throw InputError(parameter, "'\(text)' is not a number", hint: "use a whole number from 0 (none) to 10 (worst)")
        }
        guard let severity = Severity(rawValue: value) else {
            throw InputError(parameter, "\(value) is outside the 0-10 scale", hint: "use 0 (none) to 10 (worst)")
        }
        self = severity
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "\(rawValue)/10" }
}
