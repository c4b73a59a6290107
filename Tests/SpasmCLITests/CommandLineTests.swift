import ArgumentParser
import Foundation
import SpasmCore
import SpasmIPC
import SpasmTerminal
import Testing
@testable import SpasmCLI

/// The command line as `spasm` parses it: every command, the subcommand-alone parse `main` uses,
/// what the help lists, and how failures become exit statuses.
@Suite struct CommandLineTests {
    static let names = ["glance", "log", "end", "caffeine", "treat", "activity", "checkin", "today", "history", "suggest", "stats", "edit", "delete", "undo",
                        "reminders", "done", "snooze", "skip", "relief", "pause", "resume", "status", "config", "export", "import"]

    /// Parsed the way `spasm` does: by the subcommand the line names, alone.
    func parse<C: ParsableCommand>(_ arguments: String..., as: C.Type) throws -> C {
        let (parser, rest) = Spasm.parser(for: arguments)
        #expect(ObjectIdentifier(parser) == ObjectIdentifier(C.self), "\(arguments) went to \(parser)")
        return try #require(try parser.parseAsRoot(rest) as? C)
    }

    /// The exit status and the message a command line that does not parse gets.
    func failure(_ arguments: String...) -> (code: Int32, message: String) {
        let (parser, rest) = Spasm.parser(for: arguments)
        do {
            _ = try parser.parseAsRoot(rest)
            return (0, "parsed")
        } catch {
            return (parser.exitCode(for: error).rawValue, parser.fullMessage(for: error))
        }
    }

    @Test func theHelpListsEveryCommand() {
        let commands = Spasm.configuration.subcommands.map { $0._commandName }
        #expect(commands.sorted() == Self.names.sorted())
        let help = Spasm.helpMessage(columns: 200)
        for name in commands { #expect(help.contains("\n  \(name) "), "--help lacks \(name)") }
    }

    @Test(arguments: names)
    func aSubcommandAloneHelpsAsFromTheRoot(_ name: String) throws {
        let (parser, rest) = Spasm.parser(for: [name, "--help"])
        #expect(parser._commandName == name)
        #expect(rest == ["--help"])
        // The same help, less the root's own --version, which a subcommand does not take.
        let fromRoot = Spasm.helpMessage(for: parser, columns: 100).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("--version               Show the version.") }.joined(separator: "\n")
        #expect(parser.helpMessage(columns: 100) == fromRoot)
        #expect(parser.helpMessage(columns: 100).contains("USAGE: spasm \(name)"))
    }

    @Test(arguments: names)
    func everyCommandTakesTheJournalAndSettingsOptions(_ name: String) throws {
        let command = try #require(Spasm.commands[name])
        let leaves = command.configuration.subcommands.isEmpty ? [command] : command.configuration.subcommands
        for leaf in leaves {
            let help = Spasm.helpMessage(for: leaf, columns: 200)
            #expect(help.contains("--db <path>") && help.contains("--config <path>"), "\(name) \(leaf._commandName)")
        }
    }

    /// Every command that records an entry reads its time and note alike, so its help says the same.
    @Test(arguments: ["log", "activity", "caffeine", "treat", "checkin"])
    func aRecordingCommandDescribesAtAndNoteAlike(_ name: String) throws {
        let command = try #require(Spasm.commands[name])
        let help = Spasm.helpMessage(for: command, columns: 400)
        #expect(help.contains("--at <time>"), "\(help)")
        #expect(help.contains(": now, 14:30, 20m ago, yesterday 21:30, monday 08:00, ISO 8601 (default: now)."), "\(help)")
        #expect(help.contains("--note <text>  ") || help.contains("--note <text>\n"), "\(help)")
        #expect(help.contains("Free text, up to 1 MiB; - reads it from standard input. Tab and newline are kept; other control characters are rejected."), "\(help)")
    }

    @Test func theRootHandlesHelpVersionAndUnknownWords() throws {
        for line in [["help", "log"], ["--help"], ["--version"], [], ["lgo"], ["--generate-completion-script", "bash"]] {
            #expect(ObjectIdentifier(Spasm.parser(for: line).0) == ObjectIdentifier(Spasm.self), "\(line)")
        }
        #expect(failure("lgo").code == 64)
        // `spasm` alone, or with only the glance's options, prints the glance.
        #expect(try Spasm.parseAsRoot([]) is Spasm.Glance)
        #expect(try (Spasm.parseAsRoot(["--json"]) as? Spasm.Glance)?.output.json == true)
        #expect(failure("lgo").message.contains("Unexpected argument 'lgo'"))
    }

    // MARK: - Each command's arguments

    @Test func log() throws {
        let short = try parse("log", "neck", "5", "--at", "2h ago", as: Spasm.Log.self)
        #expect(short.regionWord == "neck" && short.severityWord == "5" && short.at == "2h ago")
        let long = try parse("log", "--region", "lower-back", "--severity", "7", "--side", "left", "--trigger", "lifting",
                             "--trigger", "desk work", "--red-flag", "arm-weakness", "--note", "box", "--end", "14:20",
                             "--db", "/j.sqlite", "--config", "/c.toml", "--json", as: Spasm.Log.self)
        #expect(long.region == "lower-back" && long.severity == "7" && long.side == "left")
        #expect(long.trigger == ["lifting", "desk work"] && long.redFlag == ["arm-weakness"])
        #expect(long.note == "box" && long.end == "14:20")
        #expect(long.journal.db == "/j.sqlite" && long.journal.config == "/c.toml" && long.output.json)
    }

    @Test func caffeineTreatAndEnd() throws {
        let drink = try parse("caffeine", "espresso", "x2", "--at", "09:10", "--force", as: Spasm.Caffeine.self)
        #expect(drink.words == ["espresso", "x2"] && drink.at == "09:10" && drink.force)
        let treat = try parse("treat", "ice", "--minutes", "15", "--relief", "3", as: Spasm.Treat.self)
        #expect(treat.kind == "ice" && treat.minutes == 15 && treat.relief == 3)
        let pill = try parse("treat", "nsaid", "--name", "ibuprofen", as: Spasm.Treat.self)
        #expect(pill.name == "ibuprofen")
        #expect(try parse("end", as: Spasm.End.self).id == nil)
        let end = try parse("end", "12", "--at", "14:20", as: Spasm.End.self)
        #expect(end.id == 12 && end.at == "14:20")
    }

    @Test func readingCommands() throws {
        #expect(try parse("today", "--json", as: Spasm.Today.self).output.json)
        let history = try parse("history", "--since", "14d", "--until", "2026-11-30", "--kind", "episode", as: Spasm.History.self)
        #expect(history.since == "14d" && history.until == "2026-11-30" && history.kind == ["episode"])
        #expect(try parse("history", as: Spasm.History.self).since == "30d")
        #expect(try parse("suggest", "--ack", as: Spasm.Suggest.self).ack)
        #expect(try parse("stats", as: Spasm.Stats.self).since == "90d")
        #expect(try parse("stats", "--since", "1y", as: Spasm.Stats.self).since == "1y")
    }

    @Test func editDeleteUndo() throws {
        let edit = try parse("edit", "42", "--severity", "6", "--trigger", "driving", "--note", "", as: Spasm.Edit.self)
        #expect(edit.id == 42 && edit.severity == "6" && edit.trigger == ["driving"] && edit.note == "")
        #expect(try parse("edit", "7", "--no-triggers", as: Spasm.Edit.self).noTriggers)
        #expect(try parse("edit", "7", "--caffeine", "150mg", as: Spasm.Edit.self).caffeine == "150mg")
        #expect(try parse("delete", "42", as: Spasm.Delete.self).id == 42)
        _ = try parse("undo", as: Spasm.Undo.self)
    }

    @Test func reminderCommands() throws {
        #expect(try parse("reminders", "--json", as: Spasm.Reminders.self).output.json)
        #expect(try parse("done", "17", as: Spasm.Done.self).arguments.number == 17)
        #expect(try parse("snooze", "17", as: Spasm.Snooze.self).arguments.number == 17)
        #expect(try parse("skip", "17", as: Spasm.Skip.self).arguments.number == 17)
        let relief = try parse("relief", "18", "better", as: Spasm.Relief.self)
        #expect(relief.arguments.number == 18 && relief.answer == .better)
        #expect(try parse("pause", "2h", as: Spasm.Pause.self).duration == "2h")
        #expect(try parse("pause", "--until", "18:00", as: Spasm.Pause.self).until == "18:00")
        _ = try parse("resume", as: Spasm.Resume.self)
        let status = try parse("status", "--waybar", as: Spasm.Status.self)
        #expect(status.waybar)
    }

    @Test func configExportImport() throws {
        let (parser, rest) = Spasm.parser(for: ["config", "show", "--json"])
        #expect(ObjectIdentifier(parser) == ObjectIdentifier(Spasm.Config.self))
        #expect(try parser.parseAsRoot(rest) is Spasm.Config.Show)
        let export = try parse("export", "--format", "pdf", "-o", "visit.pdf", "--since", "90d", as: Spasm.Export.self)
        #expect(export.format == "pdf" && export.output == "visit.pdf" && export.since == "90d")
        #expect(try parse("export", "--format", "csv", "--table", "caffeine", as: Spasm.Export.self).output == "-")
        #expect(try parse("import", "backup.json", as: Spasm.Import.self).file == "backup.json")
    }

    @Test func commandLinesThatDoNotParseExit64AndSayWhy() {
        let cases: [([String], String)] = [
            (["done", "abc"], "The value 'abc' is invalid for '<number>'"),
            (["done"], "Missing expected argument '<number>'"),
            (["relief", "18", "maybe"], "The value 'maybe' is invalid for '<answer>'"),
            (["pause"], "give a duration (spasm pause 2h) or --until HH:MM, not both"),
            (["pause", "2h", "--until", "18:00"], "not both"),
            (["log", "neck", "5", "--bogus"], "Unknown option '--bogus'"),
            (["delete"], "Missing expected argument '<id>'"),
            (["export"], "Missing expected argument '--format <format>'"),
            (["treat", "ice", "--minutes", "ten"], "The value 'ten' is invalid for '--minutes <minutes>'"),
        ]
        for (line, text) in cases {
            let (parser, rest) = Spasm.parser(for: line)
            do {
                _ = try parser.parseAsRoot(rest)
                Issue.record("\(line) parsed")
            } catch {
                #expect(parser.exitCode(for: error).rawValue == 64, "\(line)")
                #expect(parser.fullMessage(for: error).contains(text), "\(line): \(parser.fullMessage(for: error))")
                let message = parser.fullMessage(for: error)
                #expect(message.contains("Usage: spasm \(line[0])") || message.contains("USAGE: spasm \(line[0])"), "\(line)")
            }
        }
    }

    // MARK: - Output

    @Test func failuresBecomeSysexitsStatuses() {
        let cases: [(any Error, Int32)] = [
            (InputError("severity", "must be 0-10"), 64), (NoSuchEntry(id: 4), 64), (NoSuchReminder(number: 9), 64),
            (JournalError(.diskFull, path: "/j", detail: "full"), 74), (JournalError(.notAJournal, path: "/j", detail: "x"), 74),
        ]
        for (error, code) in cases {
            let status = ExitStatus(for: error)
            #expect(status?.code == code, "\(error)")
            #expect(status?.message == String(describing: error))
        }
        #expect(ExitStatus(for: PromptCancelled(.interrupted))?.code == 130)
        #expect(ExitStatus(for: PromptCancelled(.endOfInput))?.code == 64)
        struct Other: Error {}
        #expect(ExitStatus(for: Other()) == nil)
    }

    @Test func entriesReadAsOneLine() {
        let at = Date(timeIntervalSince1970: 1_796_112_000)   // Sat 2026-12-01 ... in UTC
        let clock = CivilTime(at, utcOffset: 3600).short
        let episode = Entry(id: 12, at: at, utcOffset: 3600, body: .episode(Episode(
            region: .lowerBack, side: .left, severity: Severity(rawValue: 7)!, triggers: ["lifting", "desk work"], redFlags: [.armWeakness])))
        #expect(EntryText.line(episode) == "episode #12: lower-back (left) 7/10, open · after lifting, desk work · RED FLAG: arm-weakness, \(clock)")
        let drink = Entry(id: 3, at: at, utcOffset: 3600, body: .caffeine(CaffeineIntake(milligrams: 126, drink: "espresso", servings: 2)))
        #expect(EntryText.line(drink) == "caffeine #3: espresso x2 126 mg, \(clock)")
        let ice = Entry(id: 4, at: at, utcOffset: 3600, body: .treatment(Treatment(unchecked: .ice, minutes: 15, relief: 3, name: nil)))
        #expect(EntryText.line(ice) == "treatment #4: ice, 15 min, relief 3/10, \(clock)")
    }

    @Test func statusForWaybar() throws {
        let now = Date(timeIntervalSince1970: 1_796_112_000)
        #expect(Spasm.Status.waybar(nil, now: now).class == "stopped")
        let zone = TimeZone(secondsFromGMT: 3600)!
        func reminder(_ kind: String, due: Date) -> CareInterface.Reminder {
            var reminder = try! JSONDecoder().decode(CareInterface.Reminder.self, from: Data(
                #"{"number":5,"kind":"ice-on","due":"2026-12-01T10:00:00+01:00","state":"planned","urgency":"normal","title":"Ice now","body":"b","reason":"r","answers":[]}"#.utf8))
            reminder.kind = kind
            reminder.due = CivilTime(due, in: zone).iso8601
            return reminder
        }
        func status(_ next: CareInterface.Reminder?, paused: String? = nil) -> CareInterface.StatusReply {
            CareInterface.StatusReply(status: "line", next: next, pending: next == nil ? 0 : 1, pausedUntil: paused,
                                      notificationServer: true, journal: "/j")
        }
        #expect(Spasm.Status.waybar(status(nil), now: now).class == "idle")
        #expect(Spasm.Status.waybar(status(reminder("ice-on", due: now + 600)), now: now).class == "pending")
        #expect(Spasm.Status.waybar(status(reminder("ice-on", due: now - 60)), now: now).class == "due")
        #expect(Spasm.Status.waybar(status(reminder("red-flag", due: now)), now: now).class == "red-flag")
        let paused = Spasm.Status.waybar(status(reminder("ice-on", due: now + 600), paused: "2026-12-01T18:00:00+01:00"), now: now)
        #expect(paused.class == "paused" && paused.text == "paused until 18:00")
        var held = status(reminder("ice-on", due: now - 60))
        held.held = "do-not-disturb"
        let waiting = Spasm.Status.waybar(held, now: now)
        #expect(waiting.class == "held" && waiting.text == "held: do-not-disturb")
        #expect(Spasm.Status.waybar(status(nil), now: now).tooltip == "line")
    }

    @Test func theSameJournalIsRecognisedThroughALink() throws {
        let directory = NSTemporaryDirectory() + "spasm-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/journal.sqlite"
        FileManager.default.createFile(atPath: file, contents: Data())
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.sqlite", withDestinationPath: file)
        #expect(Spasm.Status.sameFile(file, directory + "/link.sqlite"))
        #expect(Spasm.Status.sameFile(file, directory + "/./journal.sqlite"))
        #expect(!Spasm.Status.sameFile(file, directory + "/other.sqlite"))
    }
}
