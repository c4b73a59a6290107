import Foundation
import SpasmCore

/// JSON text streamed straight into bytes, pretty-printed with two-space indentation down to a depth and
/// on one line below it, keys in the order the caller writes them. No intermediate tree: a ten-year journal exports in a fraction of a second
/// and in little memory, where Foundation's encoders box every value first and take seconds.
public struct JSONText: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Open containers, innermost last: whether each is an array and how many members it has so far.
    private var open: [(isArray: Bool, count: Int)] = []

    /// Containers nested deeper than this are written on one line ("{"a": 1, "b": [2]}").
    private let lineDepth: Int

    public init(capacity: Int = 0, linesToDepth lineDepth: Int = .max) {
        self.lineDepth = lineDepth
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    public mutating func beginObject() { beginValue(); bytes.append(0x7B); open.append((false, 0)) }
    public mutating func beginArray() { beginValue(); bytes.append(0x5B); open.append((true, 0)) }

    /// Closes the innermost object or array; an empty one stays on its line ("[]").
    public mutating func end() {
        let container = open.removeLast()
        if container.count > 0, open.count < lineDepth { newline() }
        bytes.append(container.isArray ? 0x5D : 0x7D)
    }

    /// The next member's key; its value follows.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes += [0x3A, 0x20]
        open[open.count - 1].count += 1
        pendingKey = true
    }

    private var pendingKey = false

    // MARK: Values

    public mutating func string(_ text: String) { beginValue(); appendQuoted(text) }
    public mutating func string(_ text: String?) { if let text { string(text) } else { null() } }
    public mutating func integer(_ value: Int) { beginValue(); bytes += String(value).utf8 }
    public mutating func integer(_ value: Int?) { if let value { integer(value) } else { null() } }
    public mutating func bool(_ value: Bool) { beginValue(); bytes += (value ? "true" : "false").utf8 }
    public mutating func null() { beginValue(); bytes += "null".utf8 }

    /// Whole numbers without a fraction ("96"); others in Swift's shortest form that reads back exactly.
    public mutating func number(_ value: Double) {
        beginValue()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { bytes += String(Int(value)).utf8 }
        else if value.isFinite { bytes += value.description.utf8 }
        else { bytes += "null".utf8 }
    }

    /// A lower-case UUID string, written without Foundation's formatter.
    public mutating func uuid(_ uuid: UUID) {
        beginValue()
        bytes.append(0x22)
        TextBytes.appendUUID(uuid, to: &bytes)
        bytes.append(0x22)
    }

    /// An instant as ISO 8601 with the offset it was seen at ("2026-11-29T09:12:00+01:00").
    public mutating func time(_ instant: Date, utcOffset: Int) {
        beginValue()
        bytes.append(0x22)
        TextBytes.appendISO8601(instant, utcOffset: utcOffset, to: &bytes)
        bytes.append(0x22)
    }

    /// A "key": value pair in one call.
    public mutating func member(_ name: String, _ write: (inout JSONText) -> Void) {
        key(name)
        write(&self)
    }

    /// Ends the text with a line break, as text files do.
    public mutating func appendNewline() { bytes.append(0x0A) }

    // MARK: Layout

    private mutating func beginValue() {
        if pendingKey { pendingKey = false; return }
        guard !open.isEmpty else { return }
        separate()
        open[open.count - 1].count += 1
    }

    private mutating func separate() {
        let first = open[open.count - 1].count == 0
        if !first { bytes.append(0x2C) }
        if open.count <= lineDepth { newline() } else if !first { bytes.append(0x20) }
    }

    /// A line break indented to the depth of the open containers.
    private mutating func newline() {
        bytes.append(0x0A)
        bytes += repeatElement(0x20, count: open.count * 2)
    }

    /// Quotes and escapes the quote, the backslash and control characters; everything else stays UTF-8.
    private mutating func appendQuoted(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte == 0x22 || byte == 0x5C || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0x22, 0x5C: bytes += [0x5C, byte]
                default: bytes += [0x5C, 0x75, 0x30, 0x30, TextBytes.hex[Int(byte >> 4)], TextBytes.hex[Int(byte & 0xF)]]
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
    }
}
