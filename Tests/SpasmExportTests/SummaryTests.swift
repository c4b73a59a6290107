import Foundation
import Testing
import SpasmCore
@testable import SpasmExport

@Suite struct SummaryTests {
    let twiceDaily = PTSchedule(minutesOfDay: [480, 1080], weekdays: Set(0...6))

    func summary(_ entries: [Entry] = Fixtures.journal, pt: PTSchedule? = nil) -> PeriodSummary {
        PeriodSummary(entries: entries, period: Fixtures.period, dayStartHour: 4, pt: pt ?? twiceDaily)
    }

    @Test func countsSeverityAndRate() {
        let s = summary()
        #expect(s.period.days == 14)
        #expect(s.episodeCount == 4)
        #expect(s.episodesPerWeek == 2)
        #expect(s.severityMean == 5.5)
        #expect(s.severityWorst?.rawValue == 9)
        #expect(s.weeks.map(\.start) == ["2026-01-05", "2026-01-12"])
        #expect(s.weeks.map(\.episodes) == [[0, 1, 1], [1, 0, 1]])
    }

    @Test func regionsTriggersAndTreatments() {
        let s = summary()
        #expect(s.regions.map(\.region) == [.lowerBack, .neck])
        let nsaid = s.treatments.first { $0.kind == .nsaid }
        #expect(nsaid?.count == 2)
        #expect(nsaid?.reliefMean == 4)
        #expect(nsaid?.reliefRatings == 1)
        #expect(s.medicationDayList.map(\.days) == [2, 1, 0])
    }

    @Test func caffeinePerDayAndTrend() {
        let s = summary()
        #expect(s.caffeineDailyMeanMg == 300.0 / 14)
        #expect(s.caffeineTrend == "falling")
        #expect(SummaryText.caffeine(s).hasPrefix("21 mg a day on average; falling"))
    }

    @Test func ptAdherenceCountsDueSessionsOnly() {
        // Two sessions due on each of 14 days; both logged on one day.
        #expect(summary().ptAdherence! == (2, 28))
        let weekdaysOnly = PTSchedule(minutesOfDay: [480], weekdays: [1, 2, 3, 4, 5])
        #expect(summary(pt: weekdaysOnly).ptAdherence! == (1, 10))
        #expect(summary(pt: PTSchedule(minutesOfDay: [], weekdays: [])).ptAdherence == nil)
    }

    @Test func redFlagsFromBeforeThePeriodAreListedButNotCounted() {
        let old = Fixtures.episode(99, day: -200, severity: 5, flags: [.armWeakness, .fever])
        let s = summary([old] + Fixtures.journal)
        #expect(s.episodeCount == 4)
        #expect(s.redFlags.map(\.flag) == [.saddleNumbness, .armWeakness, .fever])
        #expect(SummaryText.redFlags(s)[0] == "numbness around the genitals, buttocks or anus [saddle-numbness]: on 2026-01-13 (urgent care); not acknowledged")
    }

    @Test func anEmptyPeriodSaysSo() {
        let s = summary([])
        #expect(s.episodeCount == 0 && s.severityMean == nil && s.caffeineDailyMeanMg == nil)
        let text = MarkdownSummary.render(s)
        #expect(text.contains("No entries were logged in this period."))
        #expect(text.contains("**Caffeine:** none logged"))
    }
}

@Suite struct MarkdownTests {
    @Test func activitiesShowTheirRateRatioWithItsIntervalNotTagCounts() throws {
        // A journal in which lifting triples the rate of episodes in the 2 h after it.
        let today = JournalDay(dayNumber: CivilTime.days(year: 2026, month: 11, day: 29))
        let entries = ActivityJournal(seed: 7, risky: "lifting", today: today).entries()
        let end = Date(timeIntervalSince1970: Double(today.dayNumber * 86_400 + 3 * 3600))
        let period = ExportPeriod(start: end.addingTimeInterval(-90 * 86_400), end: end, utcOffset: 3600)
        let risk = ActivityRisk(entries: entries, from: period.start, to: period.end, utcOffset: 3600, configuration: .defaults)
        var s = PeriodSummary(entries: entries, period: period, dayStartHour: 4, pt: PTSchedule(minutesOfDay: [], weekdays: []))
        s.activities = risk
        let text = MarkdownSummary.render(s)
        let lifting = try #require(risk.named.first)
        #expect(lifting.activity == "lifting")
        #expect(text.contains("- **Activities: spasms within 2 h after, against other logged time:**\n  - lifting "
            + "\(ActivityText.ratio(lifting))× (\(ActivityText.interval(lifting, risk)); \(lifting.followed) of \(lifting.times) times), "
            + "stands out after correcting for \(risk.tested) compared"))
        // Tags alone are no comparison: the journal of tagged episodes says so instead of counting them.
        var tagged = PeriodSummary(entries: Fixtures.journal, period: Fixtures.period, dayStartHour: 4, pt: PTSchedule(minutesOfDay: [], weekdays: []))
        tagged.activities = ActivityRisk(entries: Fixtures.journal, from: Fixtures.period.start, to: Fixtures.period.end,
                                         utcOffset: 3600, configuration: .defaults)
        let lines = SummaryText.activities(tagged)
        #expect(lines == ["not enough logged on 0 days with activities to compare any", "too few to compare: lifting, desk work"])
    }

    @Test func theSummaryHasTheFiguresAClinicianAsksFor() {
        let text = MarkdownSummary.render(PeriodSummary(entries: Fixtures.journal, period: Fixtures.period, dayStartHour: 4,
                                                        pt: PTSchedule(minutesOfDay: [480], weekdays: Set(0...6))))
        #expect(text.hasPrefix("## Neck and back spasm journal: 2026-01-05 to 2026-01-18 (14 days)\n"))
        #expect(text.contains("**Red flags ever reported:**\n- numbness around the genitals"))
        #expect(text.contains("- **Episodes:** 4 episodes, 2.0 a week"))
        #expect(text.contains("- **Severity (0-10):** mean 5.5/10, worst 9/10"))
        #expect(!text.contains("Top triggers"))
        #expect(text.contains("  - NSAID: 2 times, relief 4.0/10 (1 rated)"))
        #expect(text.contains("- **Medication days:** NSAID on 2 days, muscle relaxant on 1 day, other medicine on 0 days"))
        #expect(text.contains("- **PT routine:** 1 of 14 scheduled sessions logged (7%)"))
    }

    @Test func notesAreQuotedVerbatimInAFenceNothingCanClose() {
        let note = "```\n# not a heading\n````"
        var entries = Fixtures.journal
        entries[0].note = note
        let text = MarkdownSummary.render(PeriodSummary(entries: entries, period: Fixtures.period, dayStartHour: 4,
                                                        pt: PTSchedule(minutesOfDay: [], weekdays: [])))
        #expect(text.contains("`````text\n\(note)\n`````"))
    }

    @Test func labelsAreEscaped() {
        #expect(MarkdownSummary.escape("a*b_c <x> #1 [y]") == "a\\*b\\_c \\<x\\> \\#1 \\[y\\]")
    }
}
