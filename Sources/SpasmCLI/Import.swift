import ArgumentParser
import Foundation
import SpasmCore
import SpasmExport

extension Spasm {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", _superCommandName: "spasm",
            abstract: "Restore a JSON backup made by 'spasm export --format json'.",
            discussion: """
            The whole file is checked before anything is written: a file that is not a spasm backup, one
            written by a newer spasm, a field of the wrong type, text over its limit or a uuid that appears
            twice is refused with its location, and the journal is left untouched (exit status 65).
            Entries already in the journal (the same uuid) are skipped, so importing twice adds nothing.
            An import is not reversed by 'spasm undo', and undo refuses to reach past it to an older
            change; remove imported entries with 'spasm delete ID'.

            Example: spasm import backup.json    (- reads standard input)
            """
        )

        @Argument(help: ArgumentHelp("The backup file, or - for standard input.", valueName: "file")) var file: String
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            var added: [String: Int]
            var alreadyPresent: Int
            enum CodingKeys: String, CodingKey { case added, alreadyPresent = "already_present" }
        }

        func run() throws {
            let data = try read()
            let entries: [Entry]
            do { entries = try JournalBackup.decode(data) } catch {
                standardError("spasm: \(file): \(error.description); nothing was imported")
                throw ExitCode(65)
            }
            let context = try Context(journal)
            let added: [Entry]
            do { added = try context.openJournal().addNew(entries, now: context.now) } catch let error as InputError {
                // The journal's own gate (a time in the future or before 1900): the backup is at fault.
                standardError("spasm: \(file): \(error.description); nothing was imported")
                throw ExitCode(65)
            }
            var counts = Dictionary(uniqueKeysWithValues: Entry.Kind.allCases.map { ($0.rawValue, 0) })
            for entry in added { counts[entry.kind.rawValue, default: 0] += 1 }
            let report = Report(added: counts, alreadyPresent: entries.count - added.count)
            try reporting("\(added.count) entr\(added.count == 1 ? "y was" : "ies were") imported") {
                if output.json { return try JSONOutput.print(report) }
                let parts = Entry.Kind.allCases.map { kind in
                    let n = counts[kind.rawValue]!
                    return "\(n) " + (n == 1 || kind == .caffeine ? kind.rawValue : kind == .activity ? "activities" : kind.rawValue + "s")
                }
                try say("Imported \(added.count) entr\(added.count == 1 ? "y" : "ies") (\(parts.joined(separator: ", "))); \(report.alreadyPresent) already in the journal.")
            }
        }

        /// The file's bytes, refusing anything larger than a backup can be before reading it.
        private func read() throws -> Data {
            if file == "-" {
                guard let data = try StandardInput.read(limit: JournalBackup.maximumBytes) else {
                    standardError("spasm: standard input holds more than \(JournalBackup.maximumBytes) bytes, larger than any spasm backup; nothing was imported")
                    throw ExitCode(65)
                }
                return data
            }
            var info = stat()
            guard stat(file, &info) == 0 else {
                throw InputError("file", "cannot read \(file): \(String(cString: strerror(errno)))")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw InputError("file", "\(file) is not a regular file") }
            guard Int(info.st_size) <= JournalBackup.maximumBytes else {
                standardError("spasm: \(file): the file is \(info.st_size) bytes, larger than any spasm backup; nothing was imported")
                throw ExitCode(65)
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError("file", "cannot read \(file)")
            }
            return data
        }
    }
}
