import Foundation
import Testing
@testable import SpasmCore

/// Each specialist rule fires exactly at its boundary and not one step before; its numbers are the raw counts.
@Suite struct SpecialistRuleTests {
    // MARK: Frequent episodes

    /// `perWeek[0]` episodes in the last 7 days, `perWeek[1]` in the 7 before.
    func frequentJournal(_ perWeek: [Int]) -> [Entry] {
        var journal = JournalBuilder()
        for (week, count) in perWeek.enumerated() {
            for n in 0..<count { journal.episode(daysBack: week * 7 + n % 7, hour: 8 + n / 7) }
        }
        return journal.entries
    }

    @Test func frequentFiresAtFiveAWeekForTwoWeeks() throws {
        let advice = try #require(advise(frequentJournal([5, 5])).first(.frequent))
        #expect(advice.kind == .specialist)
        #expect(advice.figure("episodes_0_weeks_back") == 5)
        #expect(advice.figure("episodes_1_weeks_back") == 5)
        #expect(advice.title.contains("an orthopedic spine specialist or physiotherapist"))
    }

    @Test(arguments: [[4, 5], [5, 4], [5, 0], [9, 4]])
    func frequentDoesNotFireOneEpisodeShort(perWeek: [Int]) {
        #expect(advise(frequentJournal(perWeek)).first(.frequent) == nil)
    }

    @Test func anEpisodeFifteenDaysAgoIsOutsideTheTwoWeeks() {
        var journal = JournalBuilder()
        for day in 0..<5 { journal.episode(daysBack: day) }
        for day in 7..<11 { journal.episode(daysBack: day) }
        journal.episode(daysBack: 14)       // one day too early for the second week
        #expect(advise(journal.entries).first(.frequent) == nil)
        journal.episode(daysBack: 13)
        #expect(advise(journal.entries).first(.frequent) != nil)
    }

    // MARK: Severe episodes

    func severeJournal(severeDaysBack: [Int], severity: Int = 8) -> [Entry] {
        var journal = JournalBuilder()
        for day in severeDaysBack { journal.episode(daysBack: day, severity: severity) }
        journal.episode(daysBack: 2, severity: 7)     // below the level: never counts
        return journal.entries
    }

    @Test func severeFiresAtTwoWithinFourteenDays() throws {
        let advice = try #require(advise(severeJournal(severeDaysBack: [0, 13])).first(.severe))
        #expect(advice.figure("severe_episodes") == 2)
        #expect(advise(severeJournal(severeDaysBack: [0, 14])).first(.severe) == nil)   // 14 days back is day 15
        #expect(advise(severeJournal(severeDaysBack: [5])).first(.severe) == nil)
        #expect(advise(severeJournal(severeDaysBack: [0, 3], severity: 7)).first(.severe) == nil)
    }

    @Test func severeFollowsTheSettings() {
        let strict = Configuration.with { $0.severeCount = 3; $0.severeLevel = 9 }
        #expect(advise(severeJournal(severeDaysBack: [1, 2], severity: 9), strict).first(.severe) == nil)
        #expect(advise(severeJournal(severeDaysBack: [1, 2, 3], severity: 9), strict).first(.severe)?.figure("severe_episodes") == 3)
    }

    // MARK: Medicines

    func medicineJournal(_ kind: TreatmentKind, days: Int, twicePerDay: Bool = true) -> [Entry] {
        var journal = JournalBuilder()
        for day in 0..<days {
            journal.treatment(kind, daysBack: day * 2)            // every other day, within 30 days for up to 15 days
            if twicePerDay { journal.treatment(kind, daysBack: day * 2, hour: 18) }   // counts once
        }
        return journal.entries
    }

    @Test func nsaidsOnMoreThanTenDaysInThirty() throws {
        #expect(advise(medicineJournal(.nsaid, days: 10)).first(.nsaidDays) == nil)
        let advice = try #require(advise(medicineJournal(.nsaid, days: 11)).first(.nsaidDays))
        #expect(advice.figure("nsaid_days") == 11)
        #expect(advice.reason.contains("more than 10 days unless a doctor directs it"))
        // A dose is never suggested.
        #expect(!advice.reason.contains("mg"))
    }

    @Test func nsaidDaysOlderThanThirtyDoNotCount() {
        var journal = JournalBuilder()
        for day in 0..<10 { journal.treatment(.nsaid, daysBack: day) }
        journal.treatment(.nsaid, daysBack: 30)
        #expect(advise(journal.entries).first(.nsaidDays) == nil)
        journal.treatment(.nsaid, daysBack: 29)
        #expect(advise(journal.entries).first(.nsaidDays)?.figure("nsaid_days") == 11)
    }

    @Test func muscleRelaxantsOnMoreThanThreeDaysInThirty() throws {
        #expect(advise(medicineJournal(.muscleRelaxant, days: 3)).first(.muscleRelaxant) == nil)
        let advice = try #require(advise(medicineJournal(.muscleRelaxant, days: 4)).first(.muscleRelaxant))
        #expect(advice.figure("muscle_relaxant_days") == 4)
        #expect(advice.title.contains("prescriber"))
    }

    // MARK: Not improving after six weeks

    /// An episode every third day from `spellDaysBack` to today, all of severity 5.
    func steadySpell(from spellDaysBack: Int, severity: (Int) -> Int = { _ in 5 }) -> JournalBuilder {
        var journal = JournalBuilder()
        journal.episode(daysBack: 200)     // an older spell, over a long gap
        var day = spellDaysBack
        while day >= 0 {
            journal.episode(daysBack: day, severity: severity(day))
            day -= 3
        }
        return journal
    }

    @Test func notImprovingFiresSixWeeksAfterTheFirstEpisode() throws {
        let advice = try #require(advise(steadySpell(from: 42).entries).first(.notImproving))
        #expect(advice.figure("spell_weeks") == 6)
        // Recount from the rows: the last 21 days against the 21 before.
        let entries = steadySpell(from: 42).entries
        let recent = entries.filter { $0.at >= Clock.at(daysBack: 20, hour: 4) }.count
        let earlier = entries.filter { $0.at >= Clock.at(daysBack: 41, hour: 4) && $0.at < Clock.at(daysBack: 20, hour: 4) }.count
        #expect(advice.figure("recent_episodes") == Double(recent))
        #expect(advice.figure("earlier_episodes") == Double(earlier))
        #expect(advice.reason.contains("NICE NG59"))
    }

    @Test func notImprovingDoesNotFireADayBefore() {
        #expect(advise(steadySpell(from: 41).entries).first(.notImproving) == nil)
    }

    @Test func notImprovingNeedsAnEpisodeInTheLastWeek() {
        var journal = JournalBuilder()
        for day in stride(from: 60, through: 7, by: -3) { journal.episode(daysBack: day) }
        #expect(advise(journal.entries).first(.notImproving) == nil)
        journal.episode(daysBack: 6)
        #expect(advise(journal.entries).first(.notImproving) != nil)
    }

    @Test func aSpellThatIsEasingInCountAndSeverityDoesNotFire() {
        var journal = JournalBuilder()
        for day in stride(from: 45, through: 21, by: -2) { journal.episode(daysBack: day, severity: 7) }
        for day in stride(from: 18, through: 0, by: -6) { journal.episode(daysBack: day, severity: 4) }
        #expect(advise(journal.entries).first(.notImproving) == nil)
    }

    @Test func fewerButWorseEpisodesAreNotImproving() throws {
        var journal = JournalBuilder()
        for day in stride(from: 45, through: 21, by: -2) { journal.episode(daysBack: day, severity: 4) }
        for day in stride(from: 18, through: 0, by: -6) { journal.episode(daysBack: day, severity: 7) }
        let advice = try #require(advise(journal.entries).first(.notImproving))
        #expect(advice.figure("recent_mean_severity") == 7)
        #expect(advice.figure("earlier_mean_severity") == 4)
    }

    @Test func aGapStartsANewSpell() {
        var journal = JournalBuilder()
        journal.episode(daysBack: 80)
        journal.episode(daysBack: 51)         // 28 days without an episode between them: a new spell
        for day in stride(from: 40, through: 0, by: -3) { journal.episode(daysBack: day) }
        // The spell began 51 days ago; the episode 80 days ago does not extend it.
        #expect(advise(journal.entries).first(.notImproving)?.figure("spell_weeks").map { ($0 * 7).rounded() } == 51)
        var recent = JournalBuilder()
        recent.episode(daysBack: 80)
        for day in stride(from: 40, through: 0, by: -3) { recent.episode(daysBack: day) }   // a 39-day gap
        #expect(advise(recent.entries).first(.notImproving) == nil)
    }

    // MARK: The contact

    @Test func theUsersOwnContactIsNamed() throws {
        let configuration = Configuration.with { $0.specialistContact = "Dr Lee, spine clinic" }
        let advice = try #require(advise(severeJournal(severeDaysBack: [0, 1]), configuration).first(.severe))
        #expect(advice.title == "See Dr Lee, spine clinic: severe episodes")
    }
}
