#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where the service's log lines should go.
public enum LogDestination: Hashable, Sendable {
    /// journald, as structured entries.
    case journal
    /// Plain lines on standard error: a terminal, a pipe, a file.
    case standardError

    /// ``journal`` when standard error is the stream systemd connected to journald, else ``standardError``.
    ///
    /// systemd sets `JOURNAL_STREAM=<device>:<inode>` for a service whose output goes to journald;
    /// the variable is inherited by children whose stderr may be elsewhere, so it only counts when it
    /// names this very stream (systemd.exec(5)).
    /// - Parameters:
    ///   - journalStream: the value of `JOURNAL_STREAM`, nil when unset.
    ///   - descriptor: the standard error to compare against.
    public static func detect(journalStream: String?, standardError descriptor: Int32 = STDERR_FILENO) -> Self {
        guard let journalStream, let named = StreamIdentity(journalStream) else { return .standardError }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .standardError }
        let actual = StreamIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        return named == actual ? .journal : .standardError
    }
}

/// A file's device and inode numbers, as `JOURNAL_STREAM` spells them: decimal, separated by a colon.
private struct StreamIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.init(device: device, inode: inode)
    }
}
