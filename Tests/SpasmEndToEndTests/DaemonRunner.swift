import Foundation
import SpasmIPC
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real spasmd, started by hand in a SpasmRunner's private home, with its own runtime directory.
final class DaemonRunner {
    let spasm: SpasmRunner
    let process = Process()
    let output = Pipe()
    var runtimeDirectory: String { spasm.home + "/run" }
    var socketPath: String { runtimeDirectory + "/spasm/spasmd.sock" }

    /// Starts spasmd and waits until its socket answers.
    init(_ spasm: SpasmRunner, environment extra: [String: String] = [:]) throws {
        self.spasm = spasm
        try FileManager.default.createDirectory(atPath: runtimeDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        spasm.extraEnvironment["XDG_RUNTIME_DIR"] = runtimeDirectory
        process.executableURL = URL(fileURLWithPath: SpasmRunner.binary("spasmd"))
        process.environment = spasm.environment.merging(extra) { $1 }
        process.standardError = output
        process.standardOutput = output
        try process.run()
        try waitUntilServing()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }

    func waitUntilServing() throws {
        for _ in 0..<200 {
            if canConnect() { return }
            guard process.isRunning else { break }
            usleep(25_000)
        }
        throw DaemonDidNotStart(log: log())
    }

    func canConnect() -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        return UnixAddress(path: socketPath)?.connect(fd) == 0
    }

    /// Sends SIGTERM and returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What spasmd wrote to stderr (only complete once it has exited).
    func log() -> String {
        if process.isRunning { return "(still running)" }
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    struct DaemonDidNotStart: Error, CustomStringConvertible {
        var log: String
        var description: String { "spasmd did not start: \(log)" }
    }
}

/// The Python with the `varlink` package (scripts/test makes a virtual environment for it).
let testPython = ProcessInfo.processInfo.environment["SPASM_TEST_PYTHON"] ?? "/usr/bin/python3"

/// Runs a Python snippet and returns its output; as another user it runs the system Python.
func python(_ script: String, _ arguments: [String] = [], as user: String? = nil, in spasm: SpasmRunner) throws -> SpasmRunner.Result {
    if let user {
        return try spasm.run("/usr/bin/setpriv", ["--reuid=\(user)", "--regid=nogroup", "--clear-groups", "/usr/bin/python3", "-c", script] + arguments)
    }
    return try spasm.run(testPython, ["-c", script] + arguments)
}
