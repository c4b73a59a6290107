import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a private desktop: a test writes lines to its input and waits for lines
/// on its output; what it writes to stderr is kept for failure messages.
public final class DesktopProcess: @unchecked Sendable {
    private let process = Process()
    /// Our end of its stdin: a socket, so that writing after it exited fails instead of raising SIGPIPE.
    private var input: Int32 = -1
    private let lock = NSLock()
    private var lines: [String] = []
    private var errorText = ""
    private let outputDone = DispatchSemaphore(value: 0)

    /// Starts `executable` with exactly `environment` (see `DesktopSession.launch` for one on a desktop).
    public init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw DesktopSessionError("socketpair: \(String(cString: strerror(errno)))")
        }
        input = ends[0]
        let theirs = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let output = Pipe(), errors = Pipe()
        process.standardInput = theirs
        process.standardOutput = output
        process.standardError = errors
        do {
            try start(process)
        } catch {
            Glibc.close(input)
            throw error
        }
        try? theirs.close()
        Thread.detachNewThread { [self] in
            collect(output) { self.lines.append(contentsOf: $0) }
            outputDone.signal()
        }
        Thread.detachNewThread { [self] in
            collect(errors) { self.errorText += $0.map { $0 + "\n" }.joined() }
        }
    }

    deinit {
        stop()
        closeInput()
    }

    public var processIdentifier: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Every line printed on stdout so far.
    public var output: [String] { lock.withLock { lines } }
    /// What it wrote to stderr so far.
    public var errors: String { lock.withLock { errorText } }

    /// Writes one line to its stdin (nothing happens once it has exited).
    public func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        lock.withLock {
            var offset = 0
            while input >= 0, offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Glibc.send(input, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { break }
                offset += sent
            }
        }
    }

    /// Closes its stdin, then waits for it to exit and to finish printing; its exit status.
    @discardableResult
    public func finish() -> Int32 {
        closeInput()
        process.waitUntilExit()
        outputDone.wait()
        outputDone.signal()
        return process.terminationStatus
    }

    /// Ends it (SIGTERM, then SIGKILL) unless it has ended.
    public func stop() {
        end(process)
    }

    private func closeInput() {
        lock.withLock {
            if input >= 0 { Glibc.close(input) }
            input = -1
        }
    }

    private func collect(_ pipe: Pipe, into store: ([String]) -> Void) {
        var pending = Data()
        while true {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            var complete: [String] = []
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                complete.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
            lock.withLock { store(complete) }
        }
    }
}
