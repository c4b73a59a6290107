import Foundation
import Testing
@testable import SpasmCore

@Suite struct AdvisorTests {
    // MARK: Red flags

    @Test func aRedFlagComesFirstUntilAcknowledged() throws {
        var journal = JournalBuilder()
        for day in 0..<3 { journal.treatment(.nsaid, daysBack: day) }
        for day in [0, 1] { journal.episode(daysBack: day, severity: 9) }          // also fires the severe rule
        journal.episode(daysBack: 3, hour: 10, severity: 6, redFlags: [.armWeakness, .fever])
        let advice = advise(journal.entries)
        #expect(advice.rules.prefix(3) == [.urgentRedFlag, .soonRedFlag, .severe])
        let urgent = try #require(advice.first)
        #expect(urgent.kind == .urgent)
        #expect(urgent.entries == [journal.entries.last!.id!])
        #expect(urgent.reason.contains("weakness or numbness in an arm that is getting worse"))
        #expect(urgent.reason.contains("call your local emergency number"))
        #expect(advice[1].reason.contains("fever"))
        // Acknowledged: no longer repeated; everything else stays.
        let after = advise(journal.entries, acknowledged: Set(urgent.entries))
        #expect(after.first(.urgentRedFlag) == nil && after.first(.soonRedFlag) == nil)
        #expect(after.first?.rule == .severe)
    }

    @Test func aNewRedFlagAfterAnAcknowledgementShowsAgain() {
        var journal = JournalBuilder()
        journal.episode(daysBack: 5, redFlags: [.saddleNumbness])
        let acknowledged = Set(journal.entries.compactMap(\.id))
        journal.episode(daysBack: 0, redFlags: [.bladderBowel])
        let urgent = advise(journal.entries, acknowledged: acknowledged).first(.urgentRedFlag)
        #expect(urgent?.entries == [2])
        #expect(urgent?.reason.contains("bladder") == true)
        #expect(urgent?.reason.contains("genitals") == false)
    }

    // MARK: Too little data

    @Test func anEmptyJournalSaysWhatItNeeds() throws {
        let advice = advise([])
        #expect(advice.rules == [.journalNeeded])
        #expect(advice[0].kind == .dataNeeded)
        #expect(advice[0].reason.contains("an activity logged 5 times (`spasm activity`)"))
    }

    @Test func aShortJournalSaysWhatEachRuleNeedsAndGuessesNothing() {
        var journal = JournalBuilder()
        for day in 0..<3 {
            journal.episode(daysBack: day, severity: 6, triggers: ["lifting"])
            journal.caffeine(day == 0 ? 300 : 100, daysBack: day)
            if day < 2 { journal.treatment(.ice, daysBack: day, relief: 6) }
        }
        let advice = advise(journal.entries)
        #expect(advice.allSatisfy { $0.kind == .dataNeeded }, "\(advice.rules)")
        #expect(Set(advice.rules) == [.activitiesNeeded, .caffeineNeeded, .ptNeeded, .reliefNeeded])
        let caffeine = advice.first(.caffeineNeeded)!
        // Today (300 mg) is not complete; yesterday and the day before were at or below.
        #expect(caffeine.figure("days_above") == 0)
        #expect(caffeine.figure("days_below") == 2)
        #expect(caffeine.reason.contains("needs at least 3 of each"))
        #expect(advice.first(.activitiesNeeded)?.figure("episodes") == 3)
        #expect(advice.first(.activitiesNeeded)?.figure("tagged", subject: "lifting") == 3)
        #expect(advice.first(.reliefNeeded)?.figure("most_ratings") == 2)
    }

    // MARK: PT adherence and relief

    @Test func ptAdherenceCountsPlannedSessionsDoneOverFourteenCompleteDays() throws {
        var journal = JournalBuilder()
        journal.episode(daysBack: 20)
        for day in 1...14 {
            let sessions = day % 2 == 0 ? 3 : (day % 3 == 0 ? 1 : 0)     // a third session on a day does not count
            for n in 0..<sessions { journal.treatment(.pt, daysBack: day, hour: 8 + n) }
        }
        journal.treatment(.pt, daysBack: 0)      // today: not complete, not counted
        journal.treatment(.pt, daysBack: 15)     // before the 14 days
        let advice = try #require(advise(journal.entries).first(.ptAdherence))
        let done = (1...14).reduce(0) { $0 + ($1 % 2 == 0 ? 2 : ($1 % 3 == 0 ? 1 : 0)) }
        #expect(advice.figure("planned") == 28)
        #expect(advice.figure("done") == Double(done))
        #expect(advice.figure("share") == Double(done) / 28)
        #expect(advice.title.contains("\(Int((Double(done) / 28 * 100).rounded()))%"))
    }

    @Test func ptOnlyOnPlannedWeekdays() throws {
        var configuration = Configuration.defaults
        configuration.ptWeekdays = ["mon"]
        configuration.ptTimes = ["07:30"]
        var journal = JournalBuilder()
        journal.episode(daysBack: 30)
        let advice = try #require(advise(journal.entries, configuration).first(.ptAdherence))
        #expect(advice.figure("planned") == 2)     // two Mondays in the 14 days before Sunday 29 Nov 2026
        configuration.ptTimes = []
        #expect(advise(journal.entries, configuration).first(.ptAdherence) == nil)
    }

    @Test func whatHelpsRanksTreatmentsByMeanReliefWithEnoughRatings() throws {
        var journal = JournalBuilder()
        journal.episode(daysBack: 1)
        for (day, relief) in [7, 8, 6].enumerated() { journal.treatment(.heat, daysBack: day, relief: relief) }
        for (day, relief) in [4, 5, 3, 4].enumerated() { journal.treatment(.ice, daysBack: day, relief: relief) }
        for day in 0..<2 { journal.treatment(.supineRest, daysBack: day, relief: 10) }   // too few ratings
        journal.treatment(.ice, daysBack: 2)                                               // no rating: not counted
        let advice = try #require(advise(journal.entries).first(.relief))
        #expect(advice.title.hasSuffix("heat"))
        #expect(advice.figure("mean_relief", subject: "heat") == 7)
        #expect(advice.figure("ratings", subject: "ice") == 4)
        #expect(advice.figure("mean_relief", subject: "ice") == 4)
        #expect(advice.figure("ratings", subject: "supine-rest") == nil)
        #expect(advice.reason.contains("heat 7/10 (n=3), ice 4/10 (n=4)"))
    }

    @Test func suggestionsAreOrderedMostUrgentFirst() {
        var journal = JournalBuilder()
        for day in 0..<14 {
            journal.episode(daysBack: day, severity: 9)
            journal.treatment(.heat, daysBack: day, relief: 5)
        }
        journal.episode(daysBack: 0, redFlags: [.chestPain])
        // Activities of which one triples the rate of episodes after it: a "modify" suggestion.
        let activities = ActivityJournal(seed: 7, risky: "lifting", today: Clock.today).entries()
        let kinds = advise(journal.entries + activities).map(\.kind)
        #expect(kinds == kinds.sorted())
        #expect(kinds.first == .urgent)
        #expect(kinds.contains(.specialist) && kinds.contains(.modify) && kinds.contains(.helps))
    }

    @Test func theHistoryCoversEveryRule() {
        let advisor = Advisor(configuration: .defaults)
        #expect(advisor.historyDays == 90)
        let long = Advisor(configuration: .with { $0.notImprovingWeeks = 12; $0.windowDays = 30 })
        #expect(long.historyDays == 12 * 7 + 28 + 1)
        #expect(long.historyStart(now: Clock.now, calendar: Clock.calendar) == Clock.at(daysBack: long.historyDays - 1, hour: 4))
    }
}
