import Foundation
import Testing

/// The journal as a user meets it: the built `spasm` binary, a real SQLite file, a private home.
@Suite struct RecordingTests {
    @Test func logAnEpisodeWithEverything() throws {
        let spasm = SpasmRunner()
        let result = try spasm("log", "--region", "lower-back", "--severity", "7", "--trigger", "lifting",
                               "--trigger", "Desk Work", "--note", "bent to pick up a box")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Logged episode #1: lower-back 7/10, open · after lifting, desk work"))
        let entries = try spasm.entries()
        #expect(entries.count == 1)
        let episode = entries[0].object("episode")
        #expect(episode["region"] as? String == "lower-back")
        #expect(episode["severity"] as? Int == 7)
        #expect(episode["triggers"] as? [String] == ["lifting", "desk work"])
        #expect(entries[0]["note"] as? String == "bent to pick up a box")
        // TZ=Europe/Berlin: 3600 in winter, 7200 in summer.
        #expect(entries[0]["utc_offset"] as? Int == TimeZone(identifier: "Europe/Berlin")!.secondsFromGMT(for: Date()))
    }

    @Test func shortFormWithARelativeTime() throws {
        let spasm = SpasmRunner()
        let before = Date()
        let result = try spasm("log", "neck", "5", "--at", "2h ago", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(entry.object("episode")["region"] as? String == "neck")
        let at = try #require(ISO8601DateFormatter().date(from: entry["at"] as? String ?? ""))
        #expect(abs(at.timeIntervalSince(before.addingTimeInterval(-7200))) < 5)
    }

    @Test func aRedFlagPrintsUrgentAdviceFirst() throws {
        let spasm = SpasmRunner()
        let result = try spasm("log", "--region", "neck", "--severity", "9", "--red-flag", "arm-weakness")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("URGENT: get medical help now."))
        #expect(result.stdout.contains("weakness or numbness in an arm"))
        let advice = try #require(result.stdout.range(of: "URGENT"))
        let logged = try #require(result.stdout.range(of: "Logged episode"))
        #expect(advice.lowerBound < logged.lowerBound)
        #expect(try spasm.entries().first?.object("episode")["red_flags"] as? [String] == ["arm-weakness"])
    }

    @Test func aRedFlagIsShownEvenWhenTheRestOfTheCommandIsWrong() throws {
        let spasm = SpasmRunner()
        let result = try spasm("log", "--region", "neck", "--severity", "eleven", "--red-flag", "saddle-numbness")
        #expect(result.status == 64)
        #expect(result.stdout.hasPrefix("URGENT"))
        #expect(result.stderr.contains("severity"), "\(result.stderr)")
        // The advice came first, and nothing was written: not even a journal file.
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
        #expect(try spasm.entries().isEmpty)
    }

    @Test func endTheOpenEpisode() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "5", "--at", "1h ago")
        let result = try spasm("end")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Ended episode #1: neck 5/10, 1h"))
        #expect(try spasm("end").status == 64)   // nothing open any more
    }

    @Test func caffeineFromTheCatalogueAndAsAmounts() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("caffeine", "coffee").stdout.hasPrefix("Logged caffeine #1: coffee 96 mg"))
        #expect(try spasm("caffeine", "espresso", "x2", "--at", "yesterday 00:01").status == 0)
        #expect(try spasm("caffeine", "120mg", "--note", "pre-workout").stdout.hasPrefix("Logged caffeine #3: caffeine 120 mg"))
        let milligrams = try spasm.entries().map { $0.object("caffeine")["milligrams"] as? Double }
        #expect(milligrams == [126, 96, 120])   // oldest first: yesterday's comes before now
    }

    @Test func treatmentsAndMedicines() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("treat", "ice", "--minutes", "15", "--relief", "3").stdout.hasPrefix("Logged treatment #1: ice, 15 min, relief 3/10"))
        #expect(try spasm("treat", "nsaid", "--name", "ibuprofen").stdout.hasPrefix("Logged treatment #2: nsaid (ibuprofen)"))
        #expect(try spasm("treat", "supine-rest", "--minutes", "20").status == 0)
        #expect(try spasm.entries().map { $0.object("treatment")["kind"] as? String } == ["ice", "nsaid", "supine-rest"])
    }

    @Test func todaySumsCaffeineAgainstTheTarget() throws {
        let spasm = SpasmRunner()
        try spasm.writeConfig("[caffeine]\ndaily_target_mg = 150\n")
        try spasm("caffeine", "coffee")
        try spasm("caffeine", "espresso")
        try spasm("log", "neck", "4")
        let result = try spasm("today")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Caffeine: 159 mg of a 150 mg target (over the target)"))
        #expect(result.stdout.contains("Episodes: 1, worst 4/10"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try spasm("today", "--json").stdout.utf8)) as? [String: Any])
        #expect(json["caffeine_mg"] as? Double == 159)
        #expect((json["entries"] as? [Any])?.count == 3)
    }

    @Test func historyTableAndJSON() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "5", "--at", "3d ago", "--trigger", "driving")
        try spasm("log", "lower-back", "6", "--at", "20d ago")
        let table = try spasm("history", "--since", "14d")
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("ID  WHEN"))
        #expect(lines[1].contains("neck 5/10, open · after driving"))
        #expect(try spasm("history", "--since", "30d", "--kind", "episode", "--json").stdout.components(separatedBy: "\"uuid\"").count == 3)
    }

    @Test func editDeleteUndo() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "5")
        #expect(try spasm("edit", "1", "--severity", "6").stdout.hasPrefix("Changed episode #1: neck 6/10"))
        #expect(try spasm("delete", "1").status == 0)
        #expect(try spasm.entries().isEmpty)
        #expect(try spasm("undo").stdout.hasPrefix("Undid the delete"))
        #expect(try spasm("undo").stdout.hasPrefix("Undid the change; back to episode #1: neck 5/10"))
        #expect(try spasm.entries().first?.object("episode")["severity"] as? Int == 5)
        #expect(try spasm("edit", "1", "--mg", "5").status == 64)   // not an option
        #expect(try spasm("edit", "1", "--minutes", "5").status == 64)   // not for an episode
    }

    @Test func configShowSaysWhereEachValueCameFrom() throws {
        let spasm = SpasmRunner()
        try spasm.writeConfig("# mine\n[caffeine]\ndaily_target_mg = 150\n")
        let result = try spasm("config", "show")
        #expect(result.status == 0)
        let target = result.stdout.split(separator: "\n").first { $0.hasPrefix("caffeine.daily_target_mg") }
        #expect(target?.contains("150") == true)
        #expect(target?.hasSuffix("\(spasm.configPath):3") == true)
        let day = result.stdout.split(separator: "\n").first { $0.hasPrefix("journal.day_start_hour") }
        #expect(day?.hasSuffix("default") == true)
    }

    @Test func aLongNoteFromStandardInput() throws {
        let spasm = SpasmRunner()
        let note = String(repeating: "long night, 痛い 😖\n", count: 5_000)   // ~120 KB, over one argv string's limit
        let result = try spasm("log", "neck", "3", "--note", "-", input: Data(note.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try spasm.entries().first?["note"] as? String == note)
    }

    @Test func helpNamesEveryCommand() throws {
        let result = try SpasmRunner()("--help")
        #expect(result.status == 0)
        let commands = ["log", "end", "caffeine", "treat", "today", "history", "suggest", "stats", "edit", "delete", "undo",
                        "reminders", "done", "snooze", "skip", "relief", "pause", "resume", "status", "config", "export", "import"]
        for command in commands {
            #expect(result.stdout.contains("  \(command)"), "--help lacks \(command)")
        }
    }

    @Test func journalFilesArePrivate() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "3")
        let attributes = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        #expect(try attributes(spasm.journalPath) == 0o600)
        #expect(try attributes(spasm.home + "/.local/share/spasm") == 0o700)
        if FileManager.default.fileExists(atPath: spasm.journalPath + "-wal") {
            #expect(try attributes(spasm.journalPath + "-wal") == 0o600)
        }
    }
}
