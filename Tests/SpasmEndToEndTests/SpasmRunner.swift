import Foundation
import Testing

/// Runs the real `spasm` binary in a private home: its own XDG directories and journal.
final class SpasmRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: String
    var journalPath: String { home + "/.local/share/spasm/journal.sqlite" }
    var configPath: String { home + "/.config/spasm/config.toml" }
    var extraEnvironment: [String: String] = [:]

    init() {
        home = NSTemporaryDirectory() + "spasm-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    /// The directory holding the built products: beside the test bundle unless SPASM_BIN_DIR says otherwise.
    static let productsDirectory: String = {
        if let dir = ProcessInfo.processInfo.environment["SPASM_BIN_DIR"] { return dir }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: runner.appendingPathComponent("spasm").path) { return runner.path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug").path
    }()

    static func binary(_ name: String) -> String { productsDirectory + "/" + name }

    var environment: [String: String] {
        var environment = ["HOME": home, "PATH": "/usr/bin:/bin", "TZ": "Europe/Berlin", "LANG": "C.UTF-8"]
        environment.merge(extraEnvironment) { $1 }
        return environment
    }

    /// Runs `spasm ARGUMENTS`, feeding `input` on stdin.
    @discardableResult
    func callAsFunction(_ arguments: String..., input: Data? = nil) throws -> Result {
        try run(Self.binary("spasm"), arguments, input: input)
    }

    func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter(); DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let input { try? inPipe.fileHandleForWriting.write(contentsOf: input) }
        try? inPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The journal's entries as `spasm history --since all --json` prints them.
    func entries() throws -> [[String: Any]] {
        let result = try self("history", "--since", "all", "--json")
        #expect(result.status == 0, "history failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: home + "/.config/spasm", withIntermediateDirectories: true)
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Settings under which an episode's ice comes at once and alone, whatever the day and hour of
    /// the run: no quiet hours, no PT, and the weekly check-in three days away (on its day it is due
    /// from 18:00 and would be shown, or share the ice's notification). `reminders` adds lines to
    /// the [reminders] table.
    func writeQuietlessConfig(reminders: String = "") throws {
        try writeConfig("""
        [reminders]
        quiet_start = "00:00"
        quiet_end = "00:00"
        checkin_weekday = "\(Self.weekday(daysAhead: 3))"
        \(reminders)
        [pt]
        weekdays = []
        """)
    }

    /// "mon" ... "sun", `days` from today in the tests' zone.
    static func weekday(daysAhead days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let day = calendar.date(byAdding: .day, value: days, to: Date())!
        return ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][calendar.component(.weekday, from: day) - 1]
    }

    /// Runs a shell script as root in a private mount namespace (tmpfs, read-only mounts).
    func shell(_ script: String) throws -> Result {
        try run("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script])
    }
}

extension [String: Any] {
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
}
