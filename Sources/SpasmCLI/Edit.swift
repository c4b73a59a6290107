import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore

extension Spasm {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", _superCommandName: "spasm",
            abstract: "Change an entry; only the fields given change. 'spasm undo' reverts it.",
            discussion: """
            Episode fields: --region --side --severity --trigger --red-flag --end. Caffeine: --drink-or-amount.
            Treatment: --treatment --minutes --relief --name. Activity: --activity --minutes (0 clears it).
            Check-in: --pain --enjoyment --activity (each 0-10).
            Any entry: --at --note (--note "" clears it).
            --trigger and --red-flag replace the whole list; --no-triggers clears it.
            Example: 'spasm edit 42 --severity 6'.
            """
        )

        @Argument(help: "The entry's id, as shown by 'spasm history'.") var id: EntryID
        @Option(help: EntryHelp.at("When it happened (an episode: when it started)", defaultNow: false)) var at: String?
        @Option(help: ArgumentHelp("Free text, up to 1 MiB; - reads it from standard input; an empty string clears it.", valueName: "text")) var note: String?
        @Option var region: String?
        @Option var side: String?
        @Option var severity: String?
        @Option(help: "Replaces the episode's triggers (repeatable).") var trigger: [String] = []
        @Flag(help: "Remove all triggers from the episode.") var noTriggers = false
        @Option(name: .customLong("red-flag"), help: "Replaces the episode's red flags (repeatable).") var redFlag: [String] = []
        @Option(help: ArgumentHelp("When the episode ended.", valueName: "time")) var end: String?
        @Option(name: .customLong("caffeine"), help: "A caffeine entry's new drink or amount, e.g. \"espresso x2\" or 150mg.") var caffeine: String?
        @Flag(help: "Accept 0 mg or a caffeine amount over the per-entry limit.") var force = false
        @Option(help: "A treatment entry's kind.") var treatment: String?
        @Option var minutes: Int?
        @Option var relief: Int?
        @Option var name: String?
        @Option(help: "A check-in's average pain, 0-10.") var pain: Int?
        @Option(help: "A check-in's interference with enjoyment of life, 0-10.") var enjoyment: Int?
        @Option(help: "An activity entry's new name, or a check-in's interference with general activity, 0-10.") var activity: String?
        @Flag(help: "Accept an activity or trigger name close to one already in the journal.") var new = false
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            // Nothing to change is a mistake to point out, not a change to record (and to undo).
            let given: [Any?] = [at, note, region, side, severity, end, caffeine, treatment, minutes, relief, name, pain, enjoyment, activity]
            guard given.contains(where: { $0 != nil }) || noTriggers || !trigger.isEmpty || !redFlag.isEmpty else {
                throw InputError("edit", "names no field to change", hint: "add e.g. --severity 5 or --note TEXT ('spasm edit --help' lists them)")
            }
            let journalFile = try context.openJournal()
            guard var entry = try journalFile.entry(id: id) else { throw NoSuchEntry(id: id) }
            if let at { entry.at = try context.past(at); entry.utcOffset = context.utcOffset(at: entry.at) }
            if let note = try context.note(note) { entry.note = note.isEmpty ? nil : note }
            if entry.checkin == nil {
                try refuse(["--pain": pain.map(String.init), "--enjoyment": enjoyment.map(String.init)], kind: "not a check-in")
            }
            switch entry.body {
            case .episode(var e):
                try refuse(["--caffeine": caffeine, "--treatment": treatment, "--minutes": minutes.map(String.init),
                            "--relief": relief.map(String.init), "--name": name, "--activity": activity], kind: "an episode")
                if let region { e.region = try BodyRegion(parsing: region) }
                if let side { e.side = side.isEmpty ? nil : try BodySide(parsing: side) }
                if let severity { e.severity = try Severity(parsing: severity) }
                if noTriggers { e.triggers = [] }
                if !trigger.isEmpty { e.triggers = try trigger.map { text throws(InputError) in try TextField.tag(text) }
                    try Vocabulary.check(e.triggers, parameter: "trigger", new: new, in: journalFile) }
                if !redFlag.isEmpty {
                    e.redFlags = try redFlag.map { text throws(InputError) in try RedFlag(parsing: text) }
                    if let advice = RedFlag.advice(for: e.redFlags) { try say(advice + "\n") }
                }
                if let end {
                    let finish = try context.past(end)
                    e.endedAt = finish
                    e.endedUTCOffset = context.utcOffset(at: finish)
                }
                entry.body = .episode(Episode(region: e.region, side: e.side, severity: e.severity, triggers: e.triggers,
                                              redFlags: e.redFlags, endedAt: e.endedAt, endedUTCOffset: e.endedUTCOffset))
            case .caffeine:
                try refuseEpisodeFields(kind: "a caffeine entry")
                try refuse(["--treatment": treatment, "--minutes": minutes.map(String.init),
                            "--relief": relief.map(String.init), "--name": name, "--activity": activity], kind: "a caffeine entry")
                if let caffeine {
                    entry.body = .caffeine(try CaffeineInput.parse([caffeine], drinks: context.configuration.drinks,
                                                                   limit: context.configuration.caffeineEntryLimitMg, force: force))
                }
            case .treatment(let t):
                try refuseEpisodeFields(kind: "a treatment entry")
                try refuse(["--caffeine": caffeine, "--activity": activity], kind: "a treatment entry")
                let kind = try treatment.map { text throws(InputError) in try TreatmentKind(parsing: text) } ?? t.kind
                entry.body = .treatment(try Treatment(kind: kind, minutes: minutes ?? t.minutes, relief: relief ?? t.relief,
                                                      name: name.map { $0.isEmpty ? nil : $0 } ?? t.name))
            case .checkin(let p):
                try refuseEpisodeFields(kind: "a check-in")
                try refuse(["--caffeine": caffeine, "--treatment": treatment, "--minutes": minutes.map(String.init),
                            "--relief": relief.map(String.init), "--name": name], kind: "a check-in")
                let interference = try activity.map { text throws(InputError) -> Int in
                    guard let value = Int(text) else { throw InputError("activity", "'\(text)' is not a number", hint: "a check-in's --activity is 0-10") }
                    return value
                }
                entry.body = .checkin(try SpasmCore.CheckIn(pain: pain ?? p.pain, enjoyment: enjoyment ?? p.enjoyment,
                                                            activity: interference ?? p.activity))
            case .activity(let a):
                try refuseEpisodeFields(kind: "an activity")
                try refuse(["--caffeine": caffeine, "--treatment": treatment, "--relief": relief.map(String.init), "--name": name],
                           kind: "an activity")
                let changed = try Activity(name: activity ?? a.name, minutes: minutes.map { $0 == 0 ? nil : $0 } ?? a.minutes)
                if activity != nil { try Vocabulary.check([changed.name], parameter: "activity", new: new, in: journalFile) }
                entry.body = .activity(changed)
            }
            let saved = try journalFile.update(entry, now: context.now)
            try output.report("Changed", saved)
        }

        private func refuseEpisodeFields(kind: String) throws {
            try refuse(["--region": region, "--side": side, "--severity": severity, "--end": end,
                        "--trigger": trigger.first, "--red-flag": redFlag.first, "--no-triggers": noTriggers ? "" : nil],
                       kind: kind)
        }

        private func refuse(_ options: [String: String?], kind: String) throws {
            if let given = options.filter({ $0.value != nil }).keys.sorted().first {
                throw InputError(given, "does not apply to #\(id), which is \(kind)")
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", _superCommandName: "spasm",
            abstract: "Delete an entry. It stays recoverable with 'spasm undo'."
        )

        @Argument(help: "The entry's id.") var id: EntryID
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let deleted = try context.openJournal().delete(id: id, now: context.now)
            try reporting("#\(id) was deleted") {
                if output.json { try JSONOutput.print(deleted) } else { try say("Deleted \(EntryText.line(deleted)) ('spasm undo' brings it back)") }
            }
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo", _superCommandName: "spasm",
            abstract: "Undo the most recent log, edit or delete (repeat to go further back)."
        )

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Result: Encodable {
            var undone: UndoneChange.Action
            var entry: Entry
        }

        func run() throws {
            let context = try Context(journal)
            guard let change = try context.openJournal().undo(now: context.now) else {
                throw InputError("undo", "there is nothing to undo")
            }
            try reporting("the change to #\(change.entry.id ?? 0) was undone") {
                if output.json { return try JSONOutput.print(Result(undone: change.action, entry: change.entry)) }
                switch change.action {
                case .add: try say("Undid the log of \(EntryText.line(change.entry)); it is removed")
                case .edit: try say("Undid the change; back to \(EntryText.line(change.entry))")
                case .delete: try say("Undid the delete; restored \(EntryText.line(change.entry))")
                }
            }
        }
    }
}
