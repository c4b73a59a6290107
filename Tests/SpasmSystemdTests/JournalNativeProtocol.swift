import Foundation

/// Reads one datagram of journald's native protocol (systemd.io/JOURNAL_NATIVE_PROTOCOL):
/// `NAME=value\n`, or for values with newlines `NAME\n`, a little-endian 64-bit length, the value, `\n`.
func journalFields(inDatagram data: Data) -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    var bytes = data[...]
    while let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\n") }) {
        let name = String(decoding: bytes[..<end], as: UTF8.self)
        if bytes[end] == UInt8(ascii: "=") {
            let valueEnd = bytes[end...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            fields.append((name, String(decoding: bytes[(end + 1)..<valueEnd], as: UTF8.self)))
            bytes = bytes[min(valueEnd + 1, bytes.endIndex)...]
        } else {
            let lengthBytes = bytes[(end + 1)..<(end + 9)]
            let length = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
            let valueStart = end + 9
            fields.append((name, String(decoding: bytes[valueStart..<(valueStart + length)], as: UTF8.self)))
            bytes = bytes[(valueStart + length + 1)...]
        }
    }
    return fields
}
