import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore
import SpasmTerminal

/// The `spasm` command: log episodes, caffeine and treatments, and read the journal back.
public struct Spasm: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spasm",
        abstract: "A journal for neck and back spasms: log episodes, caffeine and treatments.",
        discussion: """
        'spasm' alone prints today at a glance; 'spasm log' on a terminal asks for what it needs.
        Everything stays on this machine, in $XDG_DATA_HOME/spasm/journal.sqlite (override with --db or SPASM_DB).
        Settings: $XDG_CONFIG_HOME/spasm/config.toml overrides the defaults key by key ('spasm config show').

        Exit status: 0 done; 64 bad input (nothing was written); 69 the PDF export's spasm-render is \
        missing or cannot load cairo or pango; 74 the journal file could not be used, or standard output \
        or error could not be written (the message says what was recorded all the same); 78 a bad \
        configuration file; 130 a question was left with Ctrl-C (nothing was written); 141 the reader of \
        a pipe went away.
        """,
        version: SpasmVersion.current,
        subcommands: [
            Glance.self, Log.self, End.self, Caffeine.self, Treat.self, ActivityCommand.self, CheckIn.self,
            Today.self, History.self, Suggest.self, Stats.self,
            Edit.self, Delete.self, Undo.self,
            Reminders.self, Done.self, Snooze.self, Skip.self, Relief.self, Pause.self, Resume.self, Status.self,
            Config.self,
            Export.self, Import.self,
        ],
        defaultSubcommand: Glance.self
    )

    public init() {}

    /// Runs the command line, mapping every failure to a message on stderr and a sysexits status.
    public static func main(_ arguments: [String]? = nil) -> Never {
        // Health data: every file spasm creates is private to the user (0600 files, 0700 directories).
        umask(0o077)
        // A closed pipe is reported as EPIPE by write(2) and ends the command with 141 on purpose
        // (StandardStream), after whatever it was doing is finished or undone, never halfway.
        signal(SIGPIPE, SIG_IGN)
        if arguments == nil, let position = firstArgumentNotUTF8() {
            standardError("spasm: argument \(position) is not UTF-8 text; nothing was written (what is stored is what you typed, so it must be readable text)")
            Foundation.exit(64)
        }
        let (parser, rest) = parser(for: arguments ?? Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parser.parseAsRoot(rest)
            try command.run()
            Foundation.exit(0)
        } catch let failure as StandardStream.Failure {
            StandardStream.exit(for: failure)
        } catch {
            guard let status = ExitStatus(for: error) else { fail(error, parsedBy: parser) }
            standardError("spasm: \(status.message)")
            Foundation.exit(status.code)
        }
    }

    /// Swift hands the arguments over with invalid bytes already replaced by U+FFFD; the raw bytes
    /// show whether a note (or anything) was typed in another encoding.
    private static func firstArgumentNotUTF8() -> Int? {
        // Swift can see argc 0 (under libfaketime's LD_PRELOAD it does): no arguments, not a crash.
        for index in 1..<max(1, Int(CommandLine.argc)) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            if String(validatingCString: raw) == nil { return index }
        }
        return nil
    }

    /// ArgumentParser's message and status for a parse error or a help request, as from the root.
    /// Its text goes through the checked streams: help to standard output, errors to standard error.
    static func fail(_ error: any Error, parsedBy parser: any ParsableCommand.Type) -> Never {
        // The one line that names the command without its super-command.
        let name = parser._commandName
        var text = parser.fullMessage(for: error)
        if parser != Spasm.self { text = text.replacingOccurrences(of: "See '\(name) ", with: "See 'spasm \(name) ") }
        let code = parser.exitCode(for: error)
        do {
            if !text.isEmpty {
                let line = Data((text + "\n").utf8)
                if code == .success { try StandardStream.output(line) } else { try StandardStream.error(line) }
            }
        } catch { StandardStream.exit(for: error) }
        Foundation.exit(code.rawValue)
    }

    /// The subcommands by name.
    static let commands: [String: any ParsableCommand.Type] =
        Dictionary(uniqueKeysWithValues: configuration.subcommands.map { ($0._commandName, $0) })

    /// Who parses a command line: the subcommand it names, alone, with the rest of it. Parsing from
    /// the root makes ArgumentParser look at every command of the tree, each a run of runtime
    /// conformance lookups over the static binary's records: most of what `spasm log` cost
    /// (callgrind). Each subcommand names "spasm" as its super-command, so its help and errors read
    /// as they do from the root; `spasm help`, `--help`, `--version` and completion go to the root.
    static func parser(for arguments: [String]) -> (any ParsableCommand.Type, [String]) {
        guard let first = arguments.first, let command = commands[first] else { return (Spasm.self, arguments) }
        return (command, Array(arguments.dropFirst()))
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
        case let error as PromptCancelled: (code, message) = (error.exitCode, error.message)
        default: return nil
        }
    }
}
