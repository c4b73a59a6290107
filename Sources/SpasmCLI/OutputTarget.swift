import Foundation

/// What `-o PATH` names, decided from what is at PATH now, before anything is written.
///
/// Only a regular file or a new name is replaced (atomically, through a temporary file beside it);
/// a device, a FIFO or a named descriptor (`/dev/stdout`, `/dev/fd/63` from `>(gzip)`) is written in
/// place, as a stream; a symbolic link is followed, so the file it points to is what changes.
enum OutputTarget: Equatable {
    /// Standard output, or a path naming one of this process's open descriptors.
    case descriptor(Int32)
    /// A character device, FIFO or socket: opened and written in place, never replaced.
    case stream(path: String)
    /// A regular file or a name not yet taken, with symbolic links resolved: replaced whole.
    case file(path: String)

    /// Resolves `path` (as given to `-o`), refusing anything that is the journal or lies in the
    /// data directory.
    static func resolve(_ path: String, protecting protected: ProtectedPaths) throws(OutputFile.Failure) -> OutputTarget {
        if path == "-" { return .descriptor(STDOUT_FILENO) }
        if let fd = namedDescriptor(path) { return .descriptor(fd) }
        var info = stat()
        if stat(path, &info) == 0 {
            try protected.check(existing: info, path: path)
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                guard let real = realPath(path) else { throw OutputFile.Failure.cannotWrite(path) }
                try protected.check(resolved: real, as: path)
                return .file(path: real)
            case S_IFDIR:
                throw OutputFile.Failure(status: 73, description: "cannot write \(path): it is a directory; nothing was written (name a file with -o)")
            default:
                return .stream(path: path)
            }
        }
        guard errno == ENOENT, let target = newFile(path) else { throw OutputFile.Failure.cannotWrite(path) }
        try protected.check(resolved: target, as: path)
        return .file(path: target)
    }

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name a descriptor this
    /// process already holds (a pipe from `>(gzip)`, or the shell's own redirection, perhaps in
    /// append mode): that descriptor is written, as `-` is.
    private static func namedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                guard let fd = Int32(path.dropFirst(prefix.count)), fcntl(fd, F_GETFD) >= 0 else { return nil }
                return fd
            }
            return nil
        }
    }

    /// Where a name not yet taken would be created: its directory resolved, and a dangling symbolic
    /// link followed to the file it names.
    private static func newFile(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var link = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &link, link.count - 1)
            if length < 0 {
                let directory = (current as NSString).deletingLastPathComponent
                guard let real = realPath(directory.isEmpty ? "." : directory) else { return nil }
                let name = (current as NSString).lastPathComponent
                return (real == "/" ? "" : real) + "/" + name
            }
            let target = String(decoding: link[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The files an export must never touch: the journal, its SQLite companions, and the directory spasm
/// keeps its data in. Writing an export over any of them would lose entries.
struct ProtectedPaths {
    /// The journal in use, as configured (`--db`, $SPASM_DB or the default).
    var journal: String
    /// `$XDG_DATA_HOME/spasm`.
    var dataDirectory: String

    private var companions: [String] { ["", "-wal", "-shm", "-journal"].map { journal + $0 } }

    /// Refuses an existing file that is the journal or a companion, by identity (any name, any link).
    func check(existing info: stat, path: String) throws(OutputFile.Failure) {
        for companion in companions {
            var own = stat()
            if stat(companion, &own) == 0, own.st_dev == info.st_dev, own.st_ino == info.st_ino { throw refusal(path) }
        }
    }

    /// Refuses a resolved path that is a companion of the journal or lies in the data directory.
    func check(resolved: String, as path: String) throws(OutputFile.Failure) {
        let journalDirectory = OutputTarget.realPath((journal as NSString).deletingLastPathComponent)
        let name = (journal as NSString).lastPathComponent
        let resolvedCompanions = journalDirectory.map { dir in ["", "-wal", "-shm", "-journal"].map { dir + "/" + name + $0 } } ?? []
        if resolvedCompanions.contains(resolved) { throw refusal(path) }
        if let data = OutputTarget.realPath(dataDirectory), resolved == data || resolved.hasPrefix(data + "/") { throw refusal(path) }
    }

    private func refusal(_ path: String) -> OutputFile.Failure {
        OutputFile.Failure(status: 73, description: "refusing to write \(path): it is the journal or lies in spasm's data directory; nothing was written (choose another path with -o)")
    }
}
