import Foundation
import Testing

/// `spasm export` and `spasm import` with the built binaries, read back by tools nobody here wrote.
@Suite struct ExportTests {
    @Test func aJSONBackupRoundTripsByteForByte() throws {
        let original = SpasmRunner()
        try original.makeExportJournal()
        let first = try original("export", "--format", "json", "-o", original.file("backup.json"))
        #expect(first.status == 0, "\(first.stderr)")

        let restored = SpasmRunner()
        let imported = try restored("import", original.file("backup.json"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported 9 entries (4 episodes, 2 caffeine, 3 treatments, 0 activities, 0 checkins); 0 already in the journal.\n")
        let second = try restored("export", "--format", "json")
        #expect(second.status == 0)
        #expect(second.stdout == (try original.read("backup.json")))

        let notes = try restored.entries().compactMap { $0["note"] as? String }
        for note in [SpasmRunner.formulaNote, SpasmRunner.markupNote, SpasmRunner.scriptsNote, SpasmRunner.longNote] {
            #expect(notes.contains(note))
        }
    }

    @Test func importingTwiceAddsNothing() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        #expect(try spasm("export", "--format", "json", "-o", spasm.file("backup.json")).status == 0)
        let again = try spasm("import", spasm.file("backup.json"), "--json")
        #expect(again.status == 0, "\(again.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(report?["already_present"] as? Int == 9)
        #expect(report?["added"] as? [String: Int] == ["episode": 0, "caffeine": 0, "treatment": 0, "activity": 0, "checkin": 0])
        #expect(try spasm.entries().count == 9)
    }

    @Test func csvIntoAMissingDirectoryCreatesItPrivate() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        let result = try spasm("export", "--format", "csv", "-o", spasm.file("new/tables/"))
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: spasm.file("new/tables"))
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        for table in ["episodes", "caffeine", "treatments"] {
            #expect(FileManager.default.fileExists(atPath: spasm.file("new/tables/\(table).csv")))
        }
        // The user's own clock with its offset: the journal was written at Europe/Berlin's.
        let caffeine = try spasm.read("new/tables/caffeine.csv")
        #expect(caffeine.range(of: #"T\d\d:\d\d:\d\d\+0[12]:00,"#, options: .regularExpression) != nil, "\(caffeine)")
    }

    @Test func csvParsesWithPythonAndFormulasAreNeutralised() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        try FileManager.default.createDirectory(atPath: spasm.file("csv"), withIntermediateDirectories: true)
        let result = try spasm("export", "--format", "csv", "-o", spasm.file("csv"))
        #expect(result.status == 0, "\(result.stderr)")
        let script = """
            import csv, json, sys
            out = {}
            for name in ("episodes", "caffeine", "treatments"):
                with open(sys.argv[1] + "/" + name + ".csv", newline="", encoding="utf-8") as f:
                    out[name] = list(csv.DictReader(f, strict=True))
            print(json.dumps(out))
            """
        let parsed = try spasm.tool("python3", "-c", script, spasm.file("csv"))
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: [[String: String]]])
        let episodes = try #require(tables["episodes"])
        #expect(episodes.count == 4)
        #expect(episodes[0]["note"] == "'" + SpasmRunner.formulaNote)
        #expect(episodes[1]["note"] == SpasmRunner.markupNote)
        #expect(episodes[2]["note"] == SpasmRunner.longNote)
        #expect(episodes[3]["note"] == SpasmRunner.scriptsNote)
        #expect(episodes[1]["triggers"] == "desk work; lifting")
        #expect(episodes[3]["red_flags"] == "arm-weakness")
        // Local time with Berlin's offset of that moment (+01:00 in winter, +02:00 in summer).
        let start = try #require(episodes[0]["start"])
        let instant = try #require(ISO8601DateFormatter().date(from: start), "\(start)")
        let offset = TimeZone(identifier: "Europe/Berlin")!.secondsFromGMT(for: instant)
        #expect(start.hasSuffix(offset == 7200 ? "+02:00" : "+01:00"), "\(start)")
        #expect(tables["caffeine"]?.first?["note"] == "'+1 espresso @work")
        #expect(tables["caffeine"]?.first?["milligrams"] == "192")
        #expect(tables["treatments"]?.first?["note"] == "'-took it with food")
        // No cell anywhere starts with a character a spreadsheet would run.
        for row in tables.values.flatMap({ $0 }) {
            for cell in row.values {
                #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "\(cell.prefix(40))")
            }
        }
        let one = try spasm("export", "--format", "csv", "--table", "treatments")
        #expect(one.stdout.hasPrefix("uuid,time,kind,name,minutes,relief,note\r\n"))
    }

    @Test func fhirValidatesWithAFHIRLibrary() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        #expect(try spasm("activity", "gardening", "--at", "3h ago", "--for", "45m").status == 0)
        #expect(try spasm("activity", "lifting", "--at", "2h ago").status == 0)
        let result = try spasm("export", "--format", "fhir", "-o", spasm.file("bundle.json"))
        #expect(result.status == 0, "\(result.stderr)")
        let python = try Self.testPython()
        let script = """
            import json, sys
            import fhir.resources
            from fhir.resources.bundle import Bundle
            assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__   # R4 itself
            text = open(sys.argv[1], encoding="utf-8").read()
            bundle = Bundle.parse_raw(text)
            kinds = [type(e.resource).__name__ for e in bundle.entry]
            activities = []
            # The library checks types and structure; R4 code values are checked here.
            for e in bundle.entry:
                r = e.resource
                if r.resource_type == "Observation":
                    assert r.status == "final", r.status
                    if r.category and r.category[0].coding[0].code == "activity":
                        assert r.valueCodeableConcept.text in ("gardening", "lifting"), r.valueCodeableConcept.text
                        activities.append(r.valueCodeableConcept.text)
                if r.resource_type == "MedicationStatement":
                    assert r.status == "completed", r.status
                    assert r.dosage is None
            broken = json.loads(text)
            broken["entry"][1]["resource"]["valueInteger"] = "seven"
            try:
                Bundle.parse_obj(broken)
                rejected = False
            except Exception:
                rejected = True
            print(json.dumps({"kinds": kinds, "rejects_broken": rejected, "activities": sorted(activities)}))
            """
        let checked = try spasm.tool(python, "-c", script, spasm.file("bundle.json"))
        #expect(checked.status == 0, "\(checked.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        #expect(report["rejects_broken"] as? Bool == true)   // the validator can fail
        let kinds = report["kinds"] as? [String] ?? []
        #expect(kinds.filter { $0 == "Observation" }.count == 6 + 2)   // with the two activities
        #expect(report["activities"] as? [String] == ["gardening", "lifting"])
        #expect(kinds.filter { $0 == "MedicationStatement" }.count == 1)
        #expect(kinds.filter { $0 == "Patient" }.count == 1)
        let text = try spasm.read("bundle.json")
        let bundle = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let notes = (bundle?["entry"] as? [[String: Any]] ?? []).flatMap {
            (($0["resource"] as? [String: Any])?["note"] as? [[String: String]] ?? []).compactMap { $0["text"] }
        }
        for note in [SpasmRunner.formulaNote, SpasmRunner.markupNote, SpasmRunner.scriptsNote, SpasmRunner.longNote] {
            #expect(notes.contains(note))
        }
    }

    @Test func markdownSummaryHasFiguresAndEveryNote() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        let result = try spasm("export", "--format", "md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("- **Episodes:** 4 episodes"))
        // Tags on episodes alone are no comparison: the summary says what is missing instead of counting them.
        #expect(result.stdout.contains("- **Activities: spasms within 2 h after, against other logged time:**\n"
            + "  - not enough logged on 0 days with activities to compare any\n  - too few to compare: lifting, desk work\n"))
        #expect(result.stdout.contains("weakness or numbness in an arm that is getting worse \\[arm-weakness\\]"))
        for note in [SpasmRunner.formulaNote, SpasmRunner.markupNote, SpasmRunner.scriptsNote, SpasmRunner.longNote] {
            #expect(result.stdout.contains("```text\n\(note)\n```"))
        }
    }

    @Test func icsHasTheConfiguredRoutine() throws {
        let spasm = SpasmRunner()
        try spasm.writeConfig("[pt]\ntimes = [\"07:15\"]\nweekdays = [\"tue\", \"thu\"]\n")
        let result = try spasm("export", "--format", "ics", "-o", spasm.file("pt.ics"))
        #expect(result.status == 0, "\(result.stderr)")
        let text = try spasm.read("pt.ics")
        #expect(text.contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n"))
        #expect(text.contains("T071500\r\n"))
        #expect(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))   // needs no journal
    }

    static func testPython() throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/test-python").path
        let result = try SpasmRunner().run(script, [])
        try #require(result.status == 0, "scripts/test-python failed: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
