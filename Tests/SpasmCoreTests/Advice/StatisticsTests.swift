import Foundation
import Testing
@testable import SpasmCore

@Suite struct StatisticsTests {
    func statistics(_ entries: [Entry], daysBack: Int = 27) -> JournalStatistics {
        JournalStatistics(entries: entries, from: JournalDay(dayNumber: Clock.today.dayNumber - daysBack),
                          configuration: .defaults, now: Clock.now, calendar: Clock.calendar)
    }

    @Test func weeksHoursAndTrendAddUpToTheRows() {
        var journal = JournalBuilder()
        for day in 0..<28 {
            for n in 0..<(day % 3) { journal.episode(daysBack: day, hour: 6 + n * 5, severity: 2 + day / 4) }
        }
        journal.episode(daysBack: 40)            // before the period: left out
        let s = statistics(journal.entries)
        let inPeriod = journal.entries.filter { $0.at >= Clock.at(daysBack: 27, hour: 4) }
        #expect(s.days == 28)
        #expect(s.from == "2026-11-02" && s.through == "2026-11-29")
        #expect(s.episodes == inPeriod.count)
        #expect(s.weeks.map(\.days) == [7, 7, 7, 7])          // Monday 2 Nov to Sunday 29 Nov
        #expect(s.weeks.map(\.episodes).reduce(0, +) == inPeriod.count)
        #expect(s.episodesByHour[6] + s.episodesByHour[11] == inPeriod.count)
        #expect(s.episodesByHour[11] == inPeriod.filter { CivilTime($0.at, utcOffset: 3600).hour == 11 }.count)
        // Severity is higher the further back the day: easing towards today, a negative slope.
        #expect(s.weeks.first!.meanSeverity! > s.weeks.last!.meanSeverity!)
        #expect(s.severityTrendPerWeek.map { $0 < 0 } == true)
    }

    @Test func aPartialFirstWeekStartsOnTheFirstDay() {
        let s = statistics([], daysBack: 9)      // Friday 20 Nov
        #expect(s.weeks.map(\.start) == ["2026-11-20", "2026-11-23"])
        #expect(s.weeks.map(\.days) == [3, 7])
        #expect(s.severityTrendPerWeek == nil)
    }

    @Test func caffeineDaysAndTheLevelFromTheHalfLife() {
        var journal = JournalBuilder()
        journal.caffeine(100, daysBack: 0, hour: 15)          // 5 h before 20:00: half is left
        journal.caffeine(96, daysBack: 1, hour: 8)
        journal.caffeine(96, daysBack: 1, hour: 9)
        let s = statistics(journal.entries)
        #expect(s.caffeineDays.last?.caffeineMg == 100)
        #expect(s.caffeineDays[s.caffeineDays.count - 2].caffeineMg == 192)
        let expected = 50 + 96 * pow(0.5, 35.0 / 5) + 96 * pow(0.5, 36.0 / 5)
        #expect(abs(s.caffeineLevelMg - expected) < 1e-9)
    }

    @Test func theExactTestMatchesAHandComputedTail() {
        // P(X >= 8), X ~ Binomial(10, 1/2) = (45 + 10 + 1) / 1024.
        #expect(abs(CaffeineComparison.binomialUpperTail(atLeast: 8, of: 10, p: 0.5) - 56.0 / 1024) < 1e-12)
        #expect(CaffeineComparison.binomialUpperTail(atLeast: 0, of: 10, p: 0.3) == 1)
        #expect(abs(CaffeineComparison.binomialUpperTail(atLeast: 1, of: 3, p: 0.2) - (1 - 0.512)) < 1e-12)
    }
}
