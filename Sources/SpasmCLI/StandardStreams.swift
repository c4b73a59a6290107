import CLinux
import Foundation
import SpasmCore

/// Standard output and standard error, written with checked write(2) calls.
///
/// Foundation's `FileHandle.write(_:)` and `print` either crash or stay silent when the write
/// fails; a full disk or a closed pipe must instead end the command with a status a script can see,
/// because the journal may already hold what the command was asked to record.
enum StandardStream {
    /// A write to standard output or standard error that failed.
    struct Failure: Error, CustomStringConvertible {
        var stream: String
        var code: Int32
        /// What the command had already written to the journal when the write failed ("#12 was
        /// logged"): said, so that nobody runs the command again and records it twice.
        var done: String? = nil

        /// The reader went away (`spasm history | head`): end quietly with 128 + SIGPIPE, as a
        /// program killed by SIGPIPE would, which is what shells and `head` expect.
        var isBrokenPipe: Bool { code == EPIPE }

        /// 141 on a broken pipe, else 74 (EX_IOERR).
        var status: Int32 { isBrokenPipe ? 128 + SIGPIPE : 74 }

        var description: String {
            "cannot write to \(stream): \(String(cString: strerror(code)))" + (done.map { " (\($0) all the same)" } ?? "")
        }
    }

    /// Writes all of `bytes` to standard output.
    static func output(_ bytes: some ContiguousBytes) throws(Failure) {
        try write(bytes, to: STDOUT_FILENO, named: "standard output")
    }

    /// Writes all of `bytes` to standard error.
    static func error(_ bytes: some ContiguousBytes) throws(Failure) {
        try write(bytes, to: STDERR_FILENO, named: "standard error")
    }

    /// Writes all of `bytes` to `fd`, or throws the errno of the write that failed.
    static func write(_ bytes: some ContiguousBytes, to fd: Int32, named name: String) throws(Failure) {
        let code = bytes.withUnsafeBytes { spasm_write_all(fd, $0.baseAddress, UInt($0.count)) }
        if code != 0 { throw Failure(stream: name, code: code) }
    }

    /// Ends the process for a failed write: silently with 141 on a broken pipe, else with 74 and a
    /// line on standard error (which may itself be what failed; then there is no one to tell).
    static func exit(for failure: Failure) -> Never {
        if !failure.isBrokenPipe {
            _ = try? error(Data("spasm: \(failure.description)\n".utf8))
        }
        Foundation.exit(failure.status)
    }
}

/// A line on standard error; if even that cannot be written, the command ends (74, or 141 on a
/// broken pipe) rather than carry on with no way to report.
func standardError(_ line: String) {
    do { try StandardStream.error(Data((line + "\n").utf8)) } catch { StandardStream.exit(for: error) }
}

/// Runs `report`, the output of a command whose work is already committed to the journal; if
/// writing it fails, the failure says what was `done` all the same.
func reporting(_ done: String, _ report: () throws -> Void) throws {
    do { try report() } catch var failure as StandardStream.Failure {
        failure.done = done
        throw failure
    }
}

/// Writes a line to standard output at once, so urgent text reaches the terminal before anything
/// slow happens; a failed write ends the command (74, or 141 on a broken pipe).
func say(_ text: String) throws(StandardStream.Failure) {
    try StandardStream.output(Data((text + "\n").utf8))
}

/// Standard input, read only up to a limit: an endless pipe (`yes | spasm log … --note -`) costs at
/// most the limit plus one byte of memory, and is then refused.
enum StandardInput {
    /// Everything on standard input if it is at most `limit` bytes; nil as soon as byte `limit + 1`
    /// arrives (the rest is never read).
    static func read(limit: Int) throws(InputError) -> Data? {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let wanted = min(chunk.count, limit + 1 - data.count)
            let count = Foundation.read(STDIN_FILENO, &chunk, wanted)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError("standard input", "cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
            if data.count > limit { return nil }
        }
    }
}
