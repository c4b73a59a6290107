import Foundation
import Testing

/// A temporary directory for one test, removed afterwards. Short, because unix socket paths are.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = "/tmp/spasm-systemd-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Sets environment variables of this process around `body`, then puts the old values back.
/// Only for suites nested in ``ProcessEnvironmentTests``, which run one test at a time.
func withEnvironment<T>(_ values: [String: String?], _ body: () throws -> T) rethrows -> T {
    let saved = values.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
    defer { for (name, value) in saved { set(name, value) } }
    for (name, value) in values { set(name, value) }
    return try body()
}

private func set(_ name: String, _ value: String?) {
    if let value { setenv(name, value, 1) } else { unsetenv(name) }
}

/// The tests that change this process's environment (NOTIFY_SOCKET, WATCHDOG_*, LISTEN_*), one at a time.
@Suite(.serialized) enum ProcessEnvironmentTests {}

/// The built `spasm-systemd-probe`, beside the test bundle.
let probePath: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("spasm-systemd-probe").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/spasm-systemd-probe").path
}()

/// A child process with its standard output and error captured; `environment` is all it gets.
struct ChildProcess {
    let process = Process()
    let output = Pipe()
    let errors = Pipe()

    init(_ arguments: [String], environment: [String: String] = ["PATH": "/usr/bin:/bin"]) throws {
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Reads standard error until `marker` shows up; nil when the process closed it first.
    func errorsUntil(_ marker: String) -> String? {
        var text = ""
        while !text.contains(marker) {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text
    }

    /// Waits for the exit; returns the status and everything still unread on stdout and stderr.
    func finish() -> (status: Int32, output: String, errors: String) {
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
