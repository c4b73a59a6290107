import ArgumentParser
import Foundation

/// Where an export goes: standard output ("-") or a file written whole or not at all.
enum OutputFile {
    /// A failure that is not the user's typing: a status from sysexits.h and a message saying what to do.
    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var description: String
    }

    /// Writes `data` to `path` through a temporary file in the same directory, renamed into place once
    /// complete and on disk, so a failure leaves neither a partial file nor a changed one.
    static func write(_ data: Data, to path: String) throws(Failure) {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.spasm-export-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw cannotWrite(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; failed = errno; return }
                offset += written
            }
        }
        if failed == 0, fsync(fd) != 0 { failed = errno }
        close(fd)
        if failed == 0, rename(temporary, path) != 0 { failed = errno }
        if failed != 0 {
            unlink(temporary)
            errno = failed
            throw cannotWrite(path)
        }
    }

    private static func cannotWrite(_ path: String) -> Failure {
        Failure(status: 73, description: "cannot write \(path): \(String(cString: strerror(errno))); nothing was written (choose another path with -o)")
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
