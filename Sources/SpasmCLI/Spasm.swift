import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore

/// The `spasm` command: log episodes, caffeine and treatments, and read the journal back.
public struct Spasm: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spasm",
        abstract: "A journal for neck and back spasms: log episodes, caffeine and treatments.",
        discussion: """
        Everything stays on this machine, in $XDG_DATA_HOME/spasm/journal.sqlite (override with --db or SPASM_DB).
        Settings: $XDG_CONFIG_HOME/spasm/config.toml overrides the defaults key by key ('spasm config show').

        Exit status: 0 done; 64 bad input (nothing was written); 74 the journal file could not be used;
        78 a bad configuration file.
        """,
        version: "0.1.0",
        subcommands: [
            Log.self, End.self, Caffeine.self, Treat.self,
            Today.self, History.self, Suggest.self, Stats.self,
            Edit.self, Delete.self, Undo.self,
            Reminders.self, Done.self, Snooze.self, Skip.self, Relief.self, Pause.self, Resume.self, Status.self,
            Config.self,
            Export.self, Import.self,
        ]
    )

    public init() {}

    /// Runs the command line, mapping every failure to a message on stderr and a sysexits status.
    public static func main(_ arguments: [String]? = nil) -> Never {
        // Health data: every file spasm creates is private to the user (0600 files, 0700 directories).
        umask(0o077)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            guard let status = ExitStatus(for: error) else { exit(withError: error) }
            standardError("spasm: \(status.message)")
            Foundation.exit(status.code)
        }
    }
}

/// How a failure is reported: its message and a status from sysexits.h.
struct ExitStatus {
    var code: Int32
    var message: String

    init?(for error: any Error) {
        switch error {
        case let error as InputError: (code, message) = (64, error.description)
        case let error as TimeExpressionError: (code, message) = (64, error.description)
        case let error as NoSuchEntry: (code, message) = (64, error.description)
        case let error as NoSuchReminder: (code, message) = (64, error.description)
        case let error as ConfigurationError: (code, message) = (78, error.description)
        case let error as JournalError: (code, message) = (74, error.description)
        default: return nil
        }
    }
}

func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints and flushes, so urgent text reaches the terminal before anything slow happens.
func say(_ text: String) {
    print(text)
    fflush(nil)
}
