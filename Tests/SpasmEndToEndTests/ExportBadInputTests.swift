import Foundation
import Testing

/// Exports and imports that cannot be done: a clear message, a status, and nothing written.
@Suite struct ExportBadInputTests {
    @Test func anUnknownFormatSuggestsTheNearest() throws {
        let spasm = SpasmRunner()
        let result = try spasm("export", "--format", "pfd")
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown format 'pfd'; did you mean pdf?"))
    }

    @Test func anUnwritablePathWritesNothing() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        for format in ["json", "csv --table episodes", "md", "fhir", "ics", "pdf"] {
            let arguments = ["export", "--format"] + format.split(separator: " ").map(String.init) + ["-o", "/proc/spasm/out"]
            let result = try spasm.run(SpasmRunner.binary("spasm"), arguments)
            #expect(result.status == 73, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("cannot write /proc/spasm/out"), "\(format): \(result.stderr)")
        }
        let readOnly = spasm.file("locked")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        let result = try spasm.shell("mount -t tmpfs -o ro tmpfs \(readOnly) && \(SpasmRunner.binary("spasm")) export --format json -o \(readOnly)/b.json --db \(spasm.journalPath)")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly).isEmpty)
    }

    @Test func csvWithoutATableOrDirectoryAsksForOne() throws {
        let spasm = SpasmRunner()
        let result = try spasm("export", "--format", "csv")
        #expect(result.status == 64)
        #expect(result.stderr.contains("csv holds one table per file"))
        #expect(try spasm("export", "--format", "json", "--table", "episodes").status == 64)
    }

    @Test func anEmptyPeriodGivesAValidEmptyExport() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        let json = try spasm("export", "--format", "json", "--since", "2020-01-01", "--until", "2020-12-31")
        #expect(json.status == 0)
        #expect(json.stderr.contains("no entries from 2020-01-01 to 2020-12-31; the export is empty"))
        // From summer time to winter time (Europe/Berlin): each end keeps its own date, in any season.
        let acrossTheChange = try spasm("export", "--format", "json", "--since", "2020-07-01", "--until", "2020-12-31")
        #expect(acrossTheChange.stderr.contains("no entries from 2020-07-01 to 2020-12-31; the export is empty"), "\(acrossTheChange.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["entries"] as? [Any])?.isEmpty == true)
        let csv = try spasm("export", "--format", "csv", "--table", "episodes", "--since", "2020-01-01", "--until", "2020-12-31")
        #expect(csv.stdout == "uuid,start,end,region,side,severity,triggers,red_flags,note\r\n")
        let backwards = try spasm("export", "--format", "md", "--since", "7d", "--until", "2020-01-01")
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("until: is before the start of the period"))
    }

    /// Writes `text` as a file and imports it into a journal holding one entry; the import must fail.
    func expectImportRefused(_ text: String, message: String) throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "3")
        try text.write(toFile: spasm.file("bad.json"), atomically: true, encoding: .utf8)
        let result = try spasm("import", spasm.file("bad.json"))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"))
        #expect(try spasm.entries().count == 1)
    }

    static let good = #"{"uuid": "4b1a4ad2-3c1e-4c4e-9d2e-000000000001", "kind": "episode", "at": "2026-01-05T10:00:00+01:00", "utc_offset": 3600, "note": null, "episode": {"region": "neck", "severity": 5, "side": null, "triggers": [], "red_flags": [], "ended_at": null}}"#

    func backup(_ entries: String...) -> String {
        #"{"format": "spasm-journal", "version": 1, "entries": ["# + entries.joined(separator: ", ") + "]}"
    }

    @Test func hostileImportsWriteNothing() throws {
        try expectImportRefused("not json at all", message: "is not valid JSON")
        try expectImportRefused(#"{"format": "spasm-journal", "version": 7, "entries": []}"#,
                                message: "format version 7, written by a newer spasm")
        try expectImportRefused(#"{"format": "tasks", "version": 1, "entries": []}"#, message: "is not a spasm backup")
        // A valid entry first: nothing of it may be written when a later one is wrong.
        try expectImportRefused(backup(Self.good, Self.good.replacingOccurrences(of: "\"severity\": 5", with: "\"severity\": \"5\"")
            .replacingOccurrences(of: "0001", with: "0002")), message: "entries[1].episode.severity: expected a whole number")
        try expectImportRefused(backup(Self.good, Self.good), message: "entries[1]: uuid 4b1a4ad2-3c1e-4c4e-9d2e-000000000001 already appears at entries[0]")
        let huge = Self.good.replacingOccurrences(of: "\"note\": null", with: "\"note\": \"\(String(repeating: "A", count: 1_100_000))\"")
        try expectImportRefused(backup(huge), message: "entries[0].note: is 1100000 bytes, over the 1048576-byte (1 MiB) limit")
        try expectImportRefused(backup(Self.good.replacingOccurrences(of: "\"neck\"", with: "42")), message: "entries[0].episode.region")
    }

    @Test func aMissingImportFileIsABadArgument() throws {
        let spasm = SpasmRunner()
        let result = try spasm("import", spasm.file("nope.json"))
        #expect(result.status == 64)
        #expect(result.stderr.contains("cannot read"))
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }
}
