import Foundation
import Testing
import SpasmCore
import SpasmExport
@testable import SpasmReport

/// The log a clinician scans: one block per day, so 90 days of an ordinary journal fit in a few pages.
@Suite struct DayLogTests {
    /// 90 days at about 1.4 episodes, 3.5 drinks and one treatment a day, and its suggestions: the
    /// journal the page bound was set for, which logs no activities (`activities` adds some a day).
    static func ordinaryReport(paper: PaperSize, activities: Double = 0) throws -> (PDFLayout, PeriodSummary) {
        let end = Date(timeIntervalSince1970: 1_796_000_000)
        var journal = SyntheticJournal.ordinary(end: end, years: 90.0 / 365)
        journal.activitiesPerDay = activities
        let entries = journal.entries()
        let period = ExportPeriod(start: end.addingTimeInterval(-90 * 86_400), end: end, utcOffset: 3600)
        let summary = PeriodSummary(entries: entries, period: period, dayStartHour: 4, pt: PTSchedule(minutesOfDay: [480, 1080], weekdays: Set(0...6)))
        // The suggestions spasm gives for this journal (six of them, as `spasm suggest` shows).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 3600)!
        let advice = Advisor(configuration: .defaults).advice(entries: entries, acknowledgedRedFlags: [], now: end, calendar: calendar)
            .filter { $0.kind != .dataNeeded }
        #expect(advice.count >= 5, "\(advice.map(\.title))")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spasm-daylog-\(UUID().uuidString).pdf").path
        try ReportDocument.render(summary, advice: advice, paper: paper).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (try PDFLayout(pdf: path), summary)
    }

    @Test(arguments: PaperSize.allCases)
    func ninetyOrdinaryDaysFitInSixPages(paper: PaperSize) throws {
        let (layout, summary) = try Self.ordinaryReport(paper: paper)
        #expect(summary.entries.count > 450)   // really ~5.9 entries a day
        #expect(layout.pages.count <= 6, "\(layout.pages.count) pages")
        #expect(PageOneFitsTests.problems(layout, paper: paper).isEmpty)
    }

    @Test func withThreeActivitiesADayTheLogStillFitsInEightPages() throws {
        // Each activity is a few words on its day's line: two pages more over 90 days, no overflow.
        let (layout, _) = try Self.ordinaryReport(paper: .a4, activities: 3)
        #expect(layout.pages.count <= 8, "\(layout.pages.count) pages")
        #expect(PageOneFitsTests.problems(layout, paper: .a4).isEmpty)
    }

    @Test func eachDayIsOneBlockWithItsCaffeineTotal() throws {
        let (layout, summary) = try Self.ordinaryReport(paper: .a4)
        let text = layout.pages.dropFirst().map(\.text).joined(separator: "\n")
        let squeezed = text.filter { !$0.isWhitespace }
        #expect(text.contains("Log by day, \(summary.period.description)"))
        // Every journal day with an entry has its date once, with its weekday.
        let days = Set(summary.entries.map { JournalDay($0.at, utcOffset: $0.utcOffset, startHour: 4) })
        for day in days {
            let heading = DayLog.day(day.dayNumber, []).date
            #expect(squeezed.components(separatedBy: heading.filter { !$0.isWhitespace }).count - 1 == 1, "\(heading)")
        }
        // One day's caffeine, as the day's total in mg with the drinks listed once each.
        let first = days.min()!
        let drinks = summary.entries.filter { JournalDay($0.at, utcOffset: $0.utcOffset, startHour: 4) == first }.compactMap(\.caffeine)
        if !drinks.isEmpty {
            let total = CaffeineInput.format(drinks.map(\.milligrams).reduce(0, +).rounded())
            #expect(text.contains("Caffeine \(total) mg ("), "\(first): \(total)")
        }
    }

    @Test func aDayListsEpisodesTreatmentsAndNotesInFull() {
        let offset = 3600
        let morning = Date(timeIntervalSince1970: 1_796_000_000)
        let note = String(repeating: "the ache moved to the left shoulder blade; ", count: 30) + "END"
        let entries = [
            Entry(at: morning, utcOffset: offset, note: note,
                  body: .episode(Episode(region: .neck, side: .left, severity: Severity(rawValue: 6)!, triggers: ["lifting"], redFlags: [.armWeakness],
                                         endedAt: morning.addingTimeInterval(1800), endedUTCOffset: offset))),
            Entry(at: morning.addingTimeInterval(60), utcOffset: offset, body: .caffeine(CaffeineIntake(milligrams: 192, drink: "coffee", servings: 2))),
            Entry(at: morning.addingTimeInterval(120), utcOffset: offset, body: .caffeine(CaffeineIntake(milligrams: 48, drink: "tea"))),
            Entry(at: morning.addingTimeInterval(180), utcOffset: offset, body: .treatment(Treatment(unchecked: .ice, minutes: 15, relief: 6, name: nil))),
        ]
        let day = DayLog.day(JournalDay(morning, utcOffset: offset, startHour: 4).dayNumber, entries)
        let clock = CivilTime(morning, utcOffset: offset).clock
        let end = CivilTime(morning.addingTimeInterval(1800), utcOffset: offset).clock
        #expect(day.lines.first == "\(clock)–\(end) neck (left) 6/10 lifting, RED FLAG: arm-weakness")
        let treated = CivilTime(morning.addingTimeInterval(180), utcOffset: offset).clock
        #expect(day.lines.last == "Caffeine 240 mg (coffee ×2, tea) · \(treated) ice 15 min, relief 6/10")
        #expect(day.notes == ["\(clock) episode: \(note)"])
    }
}
