import Foundation
import Testing

/// `spasm` with no command: today in a few lines; `spasm help` and `--help` still print the help.
@Suite struct GlanceTests {
    @Test func aFirstLookCreatesNoJournal() throws {
        let spasm = SpasmRunner()
        let result = try spasm()
        #expect(result.status == 0)
        #expect(result.stdout.contains("Nothing logged yet. 'spasm log' asks what it needs"))
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }

    @Test func todayCaffeineTheNextReminderAndAnOpenRedFlag() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("log", "neck", "6").status == 0)
        #expect(try spasm("log", "neck", "8", "--red-flag", "arm-weakness").status == 0)
        #expect(try spasm("caffeine", "coffee").status == 0)
        let result = try spasm()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("GET MEDICAL HELP NOW: a red flag you logged is still open (reminder ") == true, "\(result.stdout)")
        #expect(result.stdout.contains(": 2 episodes, worst 8/10"))
        #expect(result.stdout.contains("Caffeine: 96 mg of a 200 mg target"))
        #expect(result.stdout.contains("Next reminder: "), "an episode brings an ice reminder: \(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"), "no escape codes off a terminal")
        let reminders = try spasm("reminders").stdout
        let next = try #require(lines.first { $0.hasPrefix("Next reminder: ") })
        let title = try #require(next.split(separator: "  ").dropFirst().first)
        #expect(reminders.contains(title), "the next reminder is the plan's: \(reminders)")
    }

    @Test func aPauseShowsAsHeld() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("log", "lower-back", "4").status == 0)
        #expect(try spasm("pause", "--until", "23:59").status == 0)
        let result = try spasm()
        #expect(result.stdout.contains("Reminders held until 23:59 ('spasm resume' ends it); red flags still show."), "\(result.stdout)")
    }

    @Test func jsonForScripts() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("log", "neck", "3", "--red-flag", "fever").status == 0)
        let result = try spasm("--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["episodes"] as? Int == 1)
        #expect(object["worst_severity"] as? Int == 3)
        #expect((object["red_flags"] as? [[String: Any]])?.first?["kind"] as? String == "red-flag")
    }

    @Test func helpIsStillThere() throws {
        let spasm = SpasmRunner()
        for arguments in [["help"], ["--help"]] {
            let result = try spasm.run(SpasmRunner.binary("spasm"), arguments)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: spasm <subcommand>"), "\(arguments): \(result.stdout)")
            #expect(result.stdout.contains("log"))
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("log", "neck", "8", "--red-flag", "chest-pain").status == 0)
        let coloured = try TerminalSession.run(spasm, [], steps: [])
        #expect(coloured.status == 0)
        #expect(coloured.transcript.contains("\u{1B}[31mGET MEDICAL HELP NOW"), "\(coloured.transcript)")
        let plain = try TerminalSession.run(spasm, [], steps: [], environment: ["NO_COLOR": "1"])
        #expect(plain.transcript.contains("GET MEDICAL HELP NOW"))
        #expect(!plain.transcript.contains("\u{1B}"))
    }
}
