import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells spasmd that the journal file was written, whoever wrote it: inotify on the journal's
/// directory, kept to the main file and its write-ahead log. In WAL mode a commit writes the -wal
/// and a checkpoint the main file; a writer that exits (every `spasm` command) closes them after its
/// commit. The directory is watched rather than the files, so a -wal created later is seen too.
///
/// A touch of the file is not yet a change of the journal: the scheduler compares SQLite's change
/// mark before it replans.
public final class JournalWatcher {
    public let fd: Int32
    private let names: Set<String>

    public init(journalPath: String) throws {
        let url = URL(fileURLWithPath: journalPath)
        let file = url.lastPathComponent
        names = [file, file + "-wal"]
        fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { throw SystemCallError("inotify_init1") }
        let mask = UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE)
        guard inotify_add_watch(fd, url.deletingLastPathComponent().path, mask) >= 0 else {
            let error = SystemCallError("inotify_add_watch")
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// Reads every event waiting; true when one concerns the journal's files.
    public func takeEvents() -> Bool {
        var touched = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return touched }
            var offset = 0
            // struct inotify_event: wd, mask, cookie, len (4 bytes each), then len bytes of name, NUL-padded.
            while offset + 16 <= count {
                let length = Int(buffer[offset + 12 ..< offset + 16].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
                let name = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                if names.contains(String(decoding: name, as: UTF8.self)) { touched = true }
                offset += 16 + length
            }
        }
    }
}
