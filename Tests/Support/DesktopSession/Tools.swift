import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a private desktop could not be set up, said so that the reader knows what to install or fix.
public struct DesktopSessionError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    static func missing(_ tool: String, package: String) -> DesktopSessionError {
        DesktopSessionError("\(tool) is not installed; a real notification server needs it "
            + "(apt-get install \(package); scripts/test installs dunst xvfb dbus libnotify-bin)")
    }
}

/// The full path of a program on PATH (or /usr/bin), or the error that names its Debian package.
func tool(_ name: String, package: String) throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"] {
        let candidate = directory + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw DesktopSessionError.missing(name, package: package)
}

/// What a finished command printed, and how it ended.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs a program to its end with exactly `environment`; its input is empty.
func runToEnd(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try start(process)
    // Both pipes drain at once, so a chatty command cannot block on a full one.
    nonisolated(unsafe) var errorText = Data()
    let errorsRead = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        errorText = errors.fileHandleForReading.readDataToEndOfFile()
        errorsRead.signal()
    }
    let outputText = output.fileHandleForReading.readDataToEndOfFile()
    errorsRead.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, output: String(decoding: outputText, as: UTF8.self),
                         errors: String(decoding: errorText, as: UTF8.self))
}

/// Reads one line from a child's pipe: what a daemon prints once it is ready (an address, a
/// display number). Nil when it closed the pipe first, that is, when it failed to start.
func firstLine(of pipe: Pipe) -> String? {
    var text = Data()
    while !text.contains(UInt8(ascii: "\n")) {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { return nil }
        text.append(chunk)
    }
    let line = text.prefix { $0 != UInt8(ascii: "\n") }
    return String(decoding: line, as: UTF8.self)
}

/// Starts a child with no signal blocked. A child inherits the mask of the thread that spawns it,
/// and the test runner's threads block SIGTERM: dunst started from one would ignore `kill`.
func start(_ process: Process) throws {
    var none = sigset_t(), saved = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, &saved)
    defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
    try process.run()
}

/// Ends a child: SIGTERM, then SIGKILL if it is still there after a few seconds.
func end(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    if !DesktopSession.waitFor(timeout: .seconds(5), { !process.isRunning }) {
        kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
}
