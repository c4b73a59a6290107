import Foundation
import SpasmCore

/// UUIDs and times written straight into a byte buffer: exports write hundreds of thousands of them,
/// and formatting each through `String` costs more than everything else in a CSV or JSON export.
enum TextBytes {
    static let hex = Array("0123456789abcdef".utf8)

    /// "4b1a4ad2-3c1e-4c4e-9d2e-000000000001", lower case as the journal stores it.
    static func appendUUID(_ uuid: UUID, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: uuid.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(0x2D) }
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
    }

    /// The same text as `CivilTime.iso8601`: "2026-11-29T09:12:00+01:00", or "Z" at offset zero; with
    /// `zulu` false, "+00:00" there too (a clock time where the user was, not a time in UTC).
    static func appendISO8601(_ instant: Date, utcOffset: Int, zulu: Bool = true, to bytes: inout [UInt8]) {
        let t = CivilTime(instant, utcOffset: utcOffset)
        appendDigits(t.year, 4, to: &bytes); bytes.append(0x2D)
        appendDigits(t.month, 2, to: &bytes); bytes.append(0x2D)
        appendDigits(t.day, 2, to: &bytes); bytes.append(0x54)
        appendDigits(t.hour, 2, to: &bytes); bytes.append(0x3A)
        appendDigits(t.minute, 2, to: &bytes); bytes.append(0x3A)
        appendDigits(t.second, 2, to: &bytes)
        if utcOffset == 0, zulu { bytes.append(0x5A); return }
        bytes.append(utcOffset < 0 ? 0x2D : 0x2B)
        appendDigits(abs(utcOffset) / 3600, 2, to: &bytes); bytes.append(0x3A)
        appendDigits(abs(utcOffset) % 3600 / 60, 2, to: &bytes)
    }

    /// A non-negative number with leading zeros to `width` digits (more digits if it needs them).
    static func appendDigits(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        var divisor = 1, count = 1
        while value / divisor >= 10 { divisor *= 10; count += 1 }
        if count < width { bytes += repeatElement(0x30, count: width - count) }
        while divisor > 0 {
            bytes.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        }
    }
}
