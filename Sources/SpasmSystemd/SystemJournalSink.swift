import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes entries to journald with sd_journal_sendv(3): one iovec per `NAME=value`, over
/// journald's native protocol at /run/systemd/journal/socket.
///
/// Values may contain newlines; libsystemd encodes those fields with an explicit length.
/// Without journald (no socket) entries are dropped silently, as libsystemd does.
public struct SystemJournalSink: JournalSink {
    public init() {}

    public func send(_ fields: [JournalField]) {
        guard !fields.isEmpty else { return }
        // One buffer for all fields keeps every iovec pointing into memory alive for the call.
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for field in fields {
            let start = bytes.count
            bytes += field.name.utf8
            bytes.append(UInt8(ascii: "="))
            bytes += field.value.utf8
            ranges.append(start..<bytes.count)
        }
        let result = bytes.withUnsafeMutableBytes { buffer in
            let vectors = ranges.map { iovec(iov_base: buffer.baseAddress! + $0.lowerBound, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        if result < 0 { writeToStandardError(fields, errno: -result) }
    }

    /// journald is there but refused the entry (full, too large): keep the message rather than lose it.
    private func writeToStandardError(_ fields: [JournalField], errno: Int32) {
        let message = fields.first { $0.name == "MESSAGE" }?.value ?? ""
        let line = Array("journald refused an entry (\(SystemError.text(errno))): \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
