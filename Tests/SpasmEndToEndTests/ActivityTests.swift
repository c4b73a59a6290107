import Foundation
import Testing

/// `spasm activity` as a user meets it: the built binary, a real journal file.
@Suite struct ActivityTests {
    @Test func anActivityIsLoggedEditedAndUndone() throws {
        let spasm = SpasmRunner()
        let logged = try spasm("activity", "Gardening", "--at", "2h ago", "--for", "1h30m", "--note", "weeding")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.hasPrefix("Logged activity #1: gardening, 1h 30m"))
        let entry = try #require(try spasm.entries().first)
        #expect(entry["kind"] as? String == "activity" && entry["note"] as? String == "weeding")
        #expect(entry.object("activity")["name"] as? String == "gardening" && entry.object("activity")["minutes"] as? Int == 90)
        let edited = try spasm("edit", "1", "--minutes", "45")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try spasm.entries()[0].object("activity")["minutes"] as? Int == 45)
        #expect(try spasm("edit", "1", "--severity", "5").status == 64)   // not an episode's field
        #expect(try spasm("undo").status == 0)
        #expect(try spasm.entries()[0].object("activity")["minutes"] as? Int == 90)
        let history = try spasm("history", "--kind", "activity")
        #expect(history.status == 0 && history.stdout.contains("gardening, 1h 30m"), "\(history.stdout)")
        // An activity logged now is in today (gardening "2h ago" is not, from 04:00 to 06:00).
        #expect(try spasm("activity", "walking").status == 0)
        let today = try spasm("today")
        #expect(today.stdout.contains("walking"), "\(today.stdout)")
    }

    @Test func aNameCloseToAKnownOneIsRefusedWithDidYouMeanUnlessNew() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("log", "neck", "4", "--trigger", "lifting").status == 0)
        let typo = try spasm("activity", "liftng")
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean lifting?"), "\(typo.stderr)")
        #expect(try spasm.entries().count == 1)                   // nothing written
        // The same vocabulary the other way round, and --new accepts the name as new.
        #expect(try spasm("activity", "lifting").status == 0)
        let trigger = try spasm("log", "neck", "4", "--trigger", "liftin")
        #expect(trigger.status == 64 && trigger.stderr.contains("did you mean lifting?"), "\(trigger.stderr)")
        #expect(try spasm("activity", "lifter", "--new").status == 0)
        #expect(try spasm.entries().count == 3)
    }

    @Test func badInputWritesNothing() throws {
        let spasm = SpasmRunner()
        for arguments in [["activity", "x", "--for", "25h"], ["activity", " "], ["activity", "x", "--at", "tomorrow 10:00"],
                          ["activity", "x", "--for", "soon"]] {
            let result = try spasm.run(SpasmRunner.binary("spasm"), arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        #expect(try spasm.entries().isEmpty)
    }

    @Test func suggestAndStatsNameWhatToLogWhenOnlyTagsExist() throws {
        let spasm = SpasmRunner()
        for hours in [30, 20, 10] { #expect(try spasm("log", "neck", "5", "--trigger", "desk work", "--at", "\(hours)h ago").status == 0) }
        let suggest = try spasm("suggest", "--json")
        #expect(suggest.status == 0, "\(suggest.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(suggest.stdout.utf8)) as? [String: Any])
        let advice = try #require(report["advice"] as? [[String: Any]])
        #expect(!advice.contains { $0["kind"] as? String == "modify" })
        let needed = try #require(advice.first { $0["rule"] as? String == "data.needed.activities" })
        #expect((needed["reason"] as? String)?.contains("`spasm activity \"desk work\"`") == true, "\(needed)")
        let stats = try spasm("stats")
        #expect(stats.status == 0 && stats.stdout.contains("desk work  only tagged on episodes (3); log it on ordinary days too"), "\(stats.stdout)")
        let help = try spasm("help", "suggest")
        #expect(help.stdout.contains("Clopper-Pearson") && help.stdout.contains("Holm") && help.stdout.contains("Steffens et al. 2015"))
    }
}
