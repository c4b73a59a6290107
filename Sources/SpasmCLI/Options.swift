import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore

/// Where the journal and the settings are; shared by every command.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal file (default: $SPASM_DB, else $XDG_DATA_HOME/spasm/journal.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A settings file to use instead of $XDG_CONFIG_HOME/spasm/config.toml.", valueName: "path"))
    var config: String?
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}

/// What a command needs from the outside world: the clock, the zone, the settings and the journal.
struct Context {
    let now: Date
    let calendar: Calendar
    let settings: LoadedConfiguration
    let options: JournalOptions

    var configuration: Configuration { settings.configuration }

    init(_ options: JournalOptions) throws {
        self.options = options
        now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        self.calendar = calendar
        settings = try Context.loadSettings(options)
    }

    /// The user's offset from UTC at an instant, stored with each entry.
    func utcOffset(at instant: Date) -> Int { calendar.timeZone.secondsFromGMT(for: instant) }

    func openJournal() throws -> Journal {
        let timeout = Duration.milliseconds(configuration.busyTimeoutMilliseconds)
        return try Journal.open(at: Paths.journal(override: options.db), busyTimeout: timeout)
    }

    /// A note as given, or read from standard input when given as "-" (a long note exceeds what one
    /// command-line argument can hold).
    func note(_ text: String?) throws -> String? {
        guard text == "-" else { return text }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let note = String(validating: data, as: UTF8.self) else {
            throw InputError("note", "standard input is not UTF-8 text")
        }
        return note
    }

    func past(_ text: String?) throws -> Date {
        guard let text else { return now }
        return try TimeExpression.past(text, now: now, calendar: calendar)
    }

    static func loadSettings(_ options: JournalOptions) throws -> LoadedConfiguration {
        let path = Paths.configuration(override: options.config)
        let text: String?
        if let data = FileManager.default.contents(atPath: path) {
            guard let decoded = String(validating: data, as: UTF8.self) else {
                throw ConfigurationError(file: path, line: 1, key: nil, message: "is not UTF-8 text")
            }
            text = decoded
        } else if options.config != nil {
            throw ConfigurationError(file: path, line: 0, key: nil, message: "cannot read this file")
        } else {
            text = nil
        }
        return try LoadedConfiguration.load(with: text, file: path)
    }
}

/// The XDG base directory paths spasm uses.
enum Paths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func journal(override: String?) -> String {
        if let override { return override }
        if let path = environment["SPASM_DB"], !path.isEmpty { return path }
        return base("XDG_DATA_HOME", fallback: ".local/share") + "/spasm/journal.sqlite"
    }

    static func configuration(override: String?) -> String {
        if let override { return override }
        return base("XDG_CONFIG_HOME", fallback: ".config") + "/spasm/config.toml"
    }

    private static func base(_ variable: String, fallback: String) -> String {
        // The XDG spec: relative paths in these variables are invalid and must be ignored.
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/" + fallback
    }
}
