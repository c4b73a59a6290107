import Foundation
import Testing

/// `spasm suggest` and `spasm stats` as a user runs them: the built binary on a real journal.
@Suite struct AdviceTests {
    func json(_ result: SpasmRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    @Test func anEmptyJournalSaysWhatItNeeds() throws {
        let spasm = SpasmRunner()
        let text = try spasm("suggest")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("1. NEEDS DATA Keep logging: nothing to go on yet"))
        let report = try json(try spasm("suggest", "--json"))
        let advice = try #require(report["advice"] as? [[String: Any]])
        #expect(advice.map { $0["rule"] as? String } == ["data.needed"])
        #expect(advice[0]["minimum_sample"] as? String == "one episode")
    }

    @Test func aRedFlagStaysOnTopUntilAcknowledged() throws {
        let spasm = SpasmRunner()
        for severity in ["9", "8"] { try spasm("log", "neck", severity, "--at", "2h ago") }
        #expect(try spasm("log", "neck", "5", "--red-flag", "clumsy-hands").status == 0)
        let before = try spasm("suggest")
        #expect(before.stdout.hasPrefix("1. URGENT Get medical help now"))
        #expect(before.stdout.contains("new clumsiness of the hands"))
        #expect(before.stdout.contains("2. SPECIALIST See an orthopedic spine specialist or physiotherapist: severe episodes"))
        #expect(!before.stdout.contains("\u{1B}["))          // not a terminal: no colour
        let ack = try spasm("suggest", "--ack")
        #expect(ack.status == 0)
        #expect(ack.stdout.hasPrefix("Acknowledged the red flags of #3."))
        #expect(!ack.stdout.contains("URGENT"))
        let after = try json(try spasm("suggest", "--json"))
        let rules = (after["advice"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.first == "specialist.severe-twice-14d")
        #expect(!rules.contains("urgent.red-flag"))
    }

    @Test func suggestAndStatsOnASyntheticJournal() throws {
        let spasm = SpasmRunner()
        // spasm-synth stores every entry at UTC+1; a zone that is UTC+1 all year keeps the period's
        // first day where those entries' own days begin (in Berlin's summer time it starts an hour
        // earlier, and stats and history part at the edge).
        spasm.extraEnvironment["TZ"] = "Etc/GMT-1"
        try FileManager.default.createDirectory(atPath: spasm.home + "/.local/share/spasm", withIntermediateDirectories: true)
        let made = try spasm.run(SpasmRunner.binary("spasm-synth"), [spasm.journalPath, "0.5", "7"])
        #expect(made.status == 0, "\(made.stderr)")
        try spasm.writeConfig("[advice]\nspecialist_contact = \"Dr Lee\"\n")

        let report = try json(try spasm("suggest", "--json"))
        let advice = try #require(report["advice"] as? [[String: Any]])
        let kinds = advice.compactMap { $0["kind"] as? String }
        let order = ["urgent", "doctor-soon", "specialist", "modify", "helps", "data-needed"]
        #expect(kinds.map { order.firstIndex(of: $0)! } == kinds.map { order.firstIndex(of: $0)! }.sorted())
        let frequent = try #require(advice.first { $0["rule"] as? String == "specialist.frequent" })
        #expect((frequent["title"] as? String)?.hasPrefix("See Dr Lee") == true)
        #expect((frequent["evidence"] as? [[String: Any]])?.isEmpty == false)

        // The same episodes counted from the journal's own rows.
        let history = try spasm("history", "--since", "90d", "--kind", "episode", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let stats = try json(try spasm("stats", "--since", "90d", "--json"))
        #expect(stats["episodes"] as? Int == rows.count)
        #expect((stats["episodes_by_hour"] as? [Int])?.reduce(0, +) == rows.count)
        #expect((stats["weeks"] as? [[String: Any]])?.compactMap { $0["episodes"] as? Int }.reduce(0, +) == rows.count)
        // About three activities a day: nearly every day is recorded, and each activity is compared.
        let activities = try #require(stats["activities"] as? [String: Any])
        #expect((activities["recorded_days"] as? Int ?? 0) >= 75, "\(activities["recorded_days"] ?? "none")")
        #expect((activities["estimates"] as? [[String: Any]])?.count == 8)

        let text = try spasm("stats")
        #expect(text.status == 0)
        for heading in ["Episodes per week", "Severity, mean of the episodes", "Caffeine per day", "Time of day the episodes started"] {
            #expect(text.stdout.contains(heading), "\(heading)")
        }
        #expect(text.stdout.contains("█"))
        #expect(!text.stdout.contains("\u{1B}["))
    }

    @Test func colourOnlyOnATerminalAndNeverWithNO_COLOR() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "5")
        // script(1) gives spasm a pseudo-terminal as standard output.
        let command = "\(SpasmRunner.binary("spasm")) stats"
        let coloured = try spasm.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(coloured.stdout.contains("\u{1B}[36m"), "\(coloured.stdout)")
        spasm.extraEnvironment["NO_COLOR"] = "1"
        let plain = try spasm.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(plain.stdout.contains("Episodes per week"))
        #expect(!plain.stdout.contains("\u{1B}["))
    }

    @Test func badInputExitsWith64() throws {
        let spasm = SpasmRunner()
        let result = try spasm("stats", "--since", "soon")
        #expect(result.status == 64)
        #expect(result.stderr.contains("soon"))
    }
}
