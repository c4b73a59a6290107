import ArgumentParser
import CLinux
import Foundation

/// Where an export goes: standard output, a device or pipe written in place, or a file written
/// whole or not at all (see `OutputTarget`).
enum OutputFile {
    /// A failure that is not the user's typing: a status from sysexits.h and a message saying what to do.
    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var description: String

        /// The file could not be created or replaced (errno as left by the failed call): 73.
        static func cannotWrite(_ path: String) -> Failure {
            Failure(status: 73, description: "cannot write \(path): \(String(cString: strerror(errno))); nothing was written (choose another path with -o)")
        }
    }

    /// Writes `data` to what `path` names. A file is written through a temporary file in the same
    /// directory, renamed into place once complete and on disk, so a failure leaves neither a partial
    /// file nor a changed one.
    static func write(_ data: Data, to path: String, protecting protected: ProtectedPaths) throws {
        switch try OutputTarget.resolve(path, protecting: protected) {
        case .descriptor(let fd):
            try StandardStream.write(data, to: fd, named: path == "-" ? "standard output" : path)
        case .stream(let path):
            let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw Failure.cannotWrite(path) }
            defer { close(fd) }
            try StandardStream.write(data, to: fd, named: path)
        case .file(let target):
            let staged = try stage(data, besides: target, reportedAs: path)
            try staged.commit(reportedAs: path)
        }
    }

    /// Writes several files into `directory`, all or none: each is staged beside its final name
    /// first, and only when every one is complete and on disk are they renamed into place.
    static func write(_ files: [(name: String, data: Data)], into directory: String, protecting protected: ProtectedPaths) throws {
        var staged: [Staged] = []
        do {
            for file in files {
                let path = (directory as NSString).appendingPathComponent(file.name)
                guard case .file(let target) = try OutputTarget.resolve(path, protecting: protected) else {
                    throw Failure(status: 73, description: "cannot write \(path): it is not a regular file; nothing was written")
                }
                staged.append(try stage(file.data, besides: target, reportedAs: path))
            }
        } catch {
            for file in staged { file.discard() }
            throw error
        }
        for (index, file) in staged.enumerated() {
            do { try file.commit(reportedAs: file.target) } catch {
                for rest in staged[(index + 1)...] { rest.discard() }
                throw error
            }
        }
    }

    /// A complete temporary file waiting to replace its target.
    private struct Staged {
        var temporary: String
        var target: String

        func commit(reportedAs path: String) throws(Failure) {
            guard rename(temporary, target) == 0 else {
                let failure = Failure.cannotWrite(path)
                discard()
                throw failure
            }
        }

        func discard() { unlink(temporary) }
    }

    private static func stage(_ data: Data, besides target: String, reportedAs path: String) throws(Failure) -> Staged {
        let directory = (target as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.spasm-export-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure.cannotWrite(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed = data.withUnsafeBytes { spasm_write_all(fd, $0.baseAddress, UInt($0.count)) }
        if failed == 0, fsync(fd) != 0 { failed = errno }
        close(fd)
        if failed != 0 {
            unlink(temporary)
            errno = failed
            throw Failure.cannotWrite(path)
        }
        return Staged(temporary: temporary, target: target)
    }

    /// Creates a missing output directory (and any missing parents) readable only by the user: the
    /// tables are health data.
    static func makeDirectory(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(status: 73, description: "cannot create the directory \(path): \(error.localizedDescription); nothing was written")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension Spasm {
    /// Runs `body`, reporting an `OutputFile.Failure` on stderr with its own exit status.
    static func reportingFailures(_ body: () throws -> Void) throws {
        do { try body() } catch let failure as OutputFile.Failure {
            standardError("spasm: \(failure.description)")
            throw ExitCode(failure.status)
        }
    }
}
