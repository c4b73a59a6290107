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

/// The help of --at and --note, which every command that records something reads the same way.
enum EntryHelp {
    /// "--at": `when` names the moment ("When it started"); the forms are those `TimeExpression` reads.
    static func at(_ when: String, defaultNow: Bool = true) -> ArgumentHelp {
        ArgumentHelp("\(when): now, 14:30, 20m ago, yesterday 21:30, monday 08:00, ISO 8601\(defaultNow ? " (default: now)" : "").",
                     valueName: "time")
    }

    static let note = ArgumentHelp("Free text, up to 1 MiB; - reads it from standard input. Tab and newline are kept; other control characters are rejected.",
                                   valueName: "text")
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false

    /// Prints the entry a command just wrote: "Logged episode #3: …", or its JSON. A failed write
    /// says it was `verb` (lowercased) all the same.
    func report(_ verb: String, _ entry: Entry) throws {
        try reporting("#\(entry.id ?? 0) was \(verb.lowercased())") {
            if json { try JSONOutput.print(entry) } else { try say("\(verb) \(EntryText.line(entry))") }
        }
    }
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

    /// The journal file, opened in this process: every command reads and writes it itself, whether
    /// or not spasmd runs (spasmd watches the file and replans on any change).
    func openJournal() throws -> Journal {
        try Journal.open(at: Locations.journal(override: options.db),
                         busyTimeout: .milliseconds(configuration.busyTimeoutMilliseconds))
    }

    /// The journal file for a command that only reads (history, today, stats, suggest, export):
    /// opened read-only, so it works on a read-only mount or a full disk; a journal not yet made or
    /// not yet migrated is opened as `openJournal` does.
    func openJournalForReading() throws -> Journal {
        let path = Locations.journal(override: options.db)
        let timeout = Duration.milliseconds(configuration.busyTimeoutMilliseconds)
        return try Journal.openForReading(at: path, busyTimeout: timeout) ?? openJournal()
    }

    /// The care plan over the journal file: the reminders and their numbers as spasmd sees them.
    func openCare() throws -> CareBook {
        CareBook(journal: try openJournal(), configuration: configuration, calendar: calendar)
    }

    /// A note as given, or read from standard input when given as "-" (a long note exceeds what one
    /// command-line argument can hold). Reading stops one byte past the note limit.
    func note(_ text: String?) throws -> String? {
        guard text == "-" else { return text }
        guard let data = try StandardInput.read(limit: TextField.noteLimitBytes) else {
            throw InputError("note", "standard input is over the \(TextField.noteLimitBytes)-byte (1 MiB) limit of a note",
                             hint: "split it into two entries or attach a shorter summary")
        }
        guard let note = String(validating: data, as: UTF8.self) else {
            throw InputError("note", "standard input is not UTF-8 text")
        }
        return note
    }

    /// The journal and the data directory, which no export may overwrite.
    var protectedPaths: ProtectedPaths {
        ProtectedPaths(journal: Locations.journal(override: options.db), dataDirectory: Locations.dataDirectory())
    }

    func past(_ text: String?) throws -> Date {
        guard let text else { return now }
        return try TimeExpression.past(text, now: now, calendar: calendar)
    }

    static func loadSettings(_ options: JournalOptions) throws -> LoadedConfiguration {
        try LoadedConfiguration.read(from: Locations.configuration(override: options.config), explicitly: options.config != nil)
    }
}
