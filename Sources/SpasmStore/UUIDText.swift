import Foundation

/// Reads the journal's uuid column. Foundation's `UUID(uuidString:)` goes through sscanf, which is
/// most of the cost of reading a ten-year journal for an export; this reads the 36 characters directly.
enum UUIDText {
    static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
                var nibble = 0
                for (index, character) in utf8.enumerated() {
                    if index == 8 || index == 13 || index == 18 || index == 23 {
                        guard character == 0x2D else { return false }
                        continue
                    }
                    let value: UInt8
                    switch character {
                    case 0x30...0x39: value = character - 0x30
                    case 0x61...0x66: value = character - 0x61 + 10
                    case 0x41...0x46: value = character - 0x41 + 10
                    default: return false
                    }
                    bytes[nibble / 2] |= nibble % 2 == 0 ? value << 4 : value
                    nibble += 1
                }
                return true
            }
            return complete ? UUID(uuid: uuid) : nil
        }
    }
}
