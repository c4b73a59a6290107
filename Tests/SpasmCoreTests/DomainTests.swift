import Foundation
import Testing
@testable import SpasmCore

@Suite struct SeverityTests {
    @Test(arguments: ["0", "7", "10", " 7 ", "7/10"])
    func acceptsTheScale(text: String) throws {
        #expect((0...10).contains(try Severity(parsing: text).rawValue))
    }

    @Test(arguments: [("11", "11 is outside the 0-10 scale"), ("-1", "-1 is outside the 0-10 scale"),
                      ("seven", "'seven' is not a number"), ("7.5", "'7.5' is not a number"), ("", "'' is not a number")])
    func rejectsWhatIsOffTheScale(text: String, message: String) {
        #expect(throws: InputError("severity", message, hint: text == "11" || text == "-1" ? "use 0 (none) to 10 (worst)" : "use a whole number from 0 (none) to 10 (worst)")) {
            try Severity(parsing: text)
        }
    }
}

@Suite struct RegionTests {
    @Test func readsRegionsAndSynonyms() throws {
        #expect(try BodyRegion(parsing: "lower-back") == .lowerBack)
        #expect(try BodyRegion(parsing: "Lower Back") == .lowerBack)
        #expect(try BodyRegion(parsing: "lumbar") == .lowerBack)
        #expect(try BodyRegion(parsing: "NECK") == .neck)
    }

    @Test func suggestsTheNearestRegion() {
        #expect(throws: InputError("region", "unknown region 'lower-bak'", hint: "did you mean lower-back?")) {
            try BodyRegion(parsing: "lower-bak")
        }
        #expect(throws: InputError("region", "unknown region 'nek'", hint: "did you mean neck?")) {
            try BodyRegion(parsing: "nek")
        }
    }

    @Test func listsRegionsWhenNothingIsClose() throws {
        do {
            _ = try BodyRegion(parsing: "elbow")
            Issue.record("elbow was accepted")
        } catch {
            #expect(error.hint == "one of: neck, upper-back, mid-back, lower-back, shoulder")
        }
    }
}

@Suite struct RedFlagTests {
    @Test func everyFlagTheIssueNamesExists() throws {
        for name in ["saddle-numbness", "bladder-bowel", "both-legs", "leg-weakness", "arm-weakness", "clumsy-hands",
                     "unsteady-walking", "chest-pain", "trauma", "fever", "weight-loss", "night-pain", "dizziness"] {
            #expect(try RedFlag(parsing: name).rawValue == name)
        }
    }

    @Test func urgentAdviceSaysNowAndNamesTheSymptom() throws {
        let advice = try #require(RedFlag.advice(for: [.armWeakness]))
        #expect(advice.hasPrefix("URGENT: get medical help now."))
        #expect(advice.contains("weakness or numbness in an arm that is getting worse"))
        #expect(advice.contains("emergency"))
        #expect(!advice.contains("See a doctor soon"))
    }

    @Test func soonFlagsAskForAnAppointmentNotAnEmergency() throws {
        let advice = try #require(RedFlag.advice(for: [.fever, .nightPain]))
        #expect(advice.hasPrefix("See a doctor soon: you reported fever and pain that is worse at night"))
        #expect(!advice.contains("URGENT"))
    }

    @Test func noFlagsNoAdvice() {
        #expect(RedFlag.advice(for: []) == nil)
    }

    @Test func adviceNeverNamesADoseOrADiagnosis() throws {
        let advice = try #require(RedFlag.advice(for: RedFlag.allCases))
        for word in [" mg", "dose", "cauda", "syndrome", "fracture", "cancer of"] {
            #expect(!advice.lowercased().contains(word), "advice mentions \(word)")
        }
    }
}

@Suite struct TextFieldTests {
    @Test func notesKeepTabsNewlinesAndAnyUnicode() throws {
        let note = "first line\n\tsecond: déjà vu, 痛い, 😖, مرحبا"
        #expect(throws: Never.self) { try TextField.validateNote(note) }
        // Kept as typed through an entry's JSON too.
        let entry = Entry(at: Date(timeIntervalSince1970: 0), utcOffset: 0, note: note,
                          body: .caffeine(CaffeineIntake(milligrams: 80, drink: "coffee")))
        #expect(throws: Never.self) { try entry.validate() }
        let back = try JSONDecoder().decode(Entry.self, from: JSONEncoder().encode(entry))
        #expect(back.note == note)
    }

    @Test func notesWithControlCharactersAreRejectedNotStripped() {
        #expect(throws: InputError("note", "contains the control character NUL U+0000 at character 4",
                                   hint: "control characters other than tab and newline are rejected, not stripped; remove it")) {
            try TextField.validateNote("abc\u{0}def")
        }
        #expect(throws: InputError.self) { try TextField.validateNote("bell\u{7}") }
        #expect(throws: InputError.self) { try TextField.validateNote("escape\u{1B}[31m") }
        #expect(throws: InputError.self) { try TextField.validateNote("c1\u{85}") }
    }

    @Test func noteLimitIsOneMebibyte() throws {
        try TextField.validateNote(String(repeating: "a", count: TextField.noteLimitBytes))
        #expect(throws: InputError.self) { try TextField.validateNote(String(repeating: "a", count: TextField.noteLimitBytes + 1)) }
        // 100 KB notes must fit: users complain about short limits.
        try TextField.validateNote(String(repeating: "é", count: 50_000))
    }

    @Test func tagsAreTrimmedCollapsedAndLowerCased() throws {
        #expect(try TextField.tag("  Desk   Work ") == "desk work")
        #expect(throws: InputError.self) { try TextField.tag("   ") }
        #expect(throws: InputError.self) { try TextField.tag(String(repeating: "x", count: 101)) }
        #expect(throws: InputError.self) { try TextField.tag("tab\tinside") }
    }
}

@Suite struct CaffeineInputTests {
    let drinks = Configuration.defaultDrinks

    func parse(_ words: [String], force: Bool = false) throws -> CaffeineIntake {
        try CaffeineInput.parse(words, drinks: drinks, limit: 1000, force: force)
    }

    @Test func namedDrinkUsesTheCatalogue() throws {
        #expect(try parse(["coffee"]) == CaffeineIntake(milligrams: 96, drink: "coffee", servings: 1))
        #expect(try parse(["espresso", "x2"]) == CaffeineIntake(milligrams: 126, drink: "espresso", servings: 2))
        #expect(try parse(["2x", "espresso"]) == CaffeineIntake(milligrams: 126, drink: "espresso", servings: 2))
        #expect(try parse(["tea 2"]) == CaffeineIntake(milligrams: 96, drink: "tea", servings: 2))
    }

    @Test func bareAmounts() throws {
        #expect(try parse(["120mg"]) == CaffeineIntake(milligrams: 120, drink: nil, servings: 1))
        #expect(try parse(["120"]) == CaffeineIntake(milligrams: 120, drink: nil, servings: 1))
        #expect(try parse(["coffee", "150mg"]) == CaffeineIntake(milligrams: 150, drink: "coffee", servings: 1))
    }

    @Test func unknownDrinkSuggestsTheNearest() {
        #expect(throws: InputError("drink", "unknown drink 'expresso'", hint: "did you mean espresso?")) { try parse(["expresso"]) }
    }

    @Test func zeroAndAbsurdAmountsNeedForce() throws {
        #expect(throws: InputError.self) { try parse(["0mg"]) }
        #expect(throws: InputError.self) { try parse(["1001mg"]) }
        #expect(throws: InputError.self) { try parse(["espresso", "x20"]) }   // 1,260 mg
        #expect(try parse(["0mg"], force: true).milligrams == 0)
        #expect(try parse(["1500mg"], force: true).milligrams == 1500)
        #expect(try parse(["1000mg"]).milligrams == 1000)
    }

    @Test func missingOrDoubledWordsAreErrors() {
        #expect(throws: InputError.self) { try parse([]) }
        #expect(throws: InputError.self) { try parse(["coffee", "tea"]) }
        #expect(throws: InputError.self) { try parse(["x2"]) }
        #expect(throws: InputError.self) { try parse(["100mg", "200mg"]) }
    }
}

@Suite struct CivilTimeTests {
    @Test func formatsWithTheStoredOffset() {
        let instant = Date(timeIntervalSince1970: 1_795_941_120)   // 2026-11-29T08:32:00Z
        #expect(CivilTime(instant, utcOffset: 3600).iso8601 == "2026-11-29T09:32:00+01:00")
        #expect(CivilTime(instant, utcOffset: -5 * 3600 - 1800).iso8601 == "2026-11-29T03:02:00-05:30")
        #expect(CivilTime(instant, utcOffset: 0).iso8601 == "2026-11-29T08:32:00Z")
        #expect(CivilTime(instant, utcOffset: 3600).short == "Sun 29 Nov 09:32")
    }

    @Test func worksBefore1970AndAcrossLeapDays() {
        #expect(CivilTime(Date(timeIntervalSince1970: -1), utcOffset: 0).iso8601 == "1969-12-31T23:59:59Z")
        #expect(CivilTime(Date(timeIntervalSince1970: 951_782_400), utcOffset: 0).date == "2000-02-29")
    }

    @Test func iso8601RoundTrips() throws {
        for text in ["2026-11-29T09:32:00+01:00", "1999-01-01T00:00:00Z", "2026-03-29T03:30:00-05:30"] {
            let (instant, offset) = try #require(CivilTime.parseISO8601(text))
            #expect(CivilTime(instant, utcOffset: offset).iso8601 == text)
        }
        #expect(CivilTime.parseISO8601("2026-13-01T00:00:00Z") == nil)
        #expect(CivilTime.parseISO8601("yesterday") == nil)
    }
}

@Suite struct JournalDayTests {
    @Test func aSpasmAt1amCountsForTheEveningBefore() {
        // 2026-11-29 01:00 at UTC+1
        let oneAM = Date(timeIntervalSince1970: 1_795_910_400)
        #expect(JournalDay(oneAM, utcOffset: 3600, startHour: 4).description == "2026-11-28")
        #expect(JournalDay(oneAM, utcOffset: 3600, startHour: 0).description == "2026-11-29")
    }

    @Test func todayRunsFromTheStartHourToTheNext() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let now = calendar.date(from: DateComponents(year: 2026, month: 3, day: 29, hour: 12))!   // DST change day
        let (day, interval) = JournalDay.containing(now, calendar: calendar, startHour: 4)
        #expect(day.description == "2026-03-29")
        #expect(interval.start == calendar.date(from: DateComponents(year: 2026, month: 3, day: 29, hour: 4)))
        #expect(interval.end == calendar.date(from: DateComponents(year: 2026, month: 3, day: 30, hour: 4)))
        #expect(interval.duration == 24 * 3600)   // 04:00 to 04:00 both after the 02:00 change
    }
}

@Suite struct EntryCodingTests {
    @Test func anEpisodeRoundTripsThroughJSON() throws {
        let start = Date(timeIntervalSince1970: 1_795_941_120)
        let entry = Entry(id: 42, at: start, utcOffset: 3600, note: "=HYPERLINK(\"x\") 😖",
                          body: .episode(Episode(region: .lowerBack, side: .left, severity: Severity(rawValue: 7)!,
                                                 triggers: ["lifting", "desk work"], redFlags: [.fever],
                                                 endedAt: start.addingTimeInterval(5400), endedUTCOffset: 3600)))
        let data = try JSONEncoder().encode(entry)
        #expect(try JSONDecoder().decode(Entry.self, from: data) == entry)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"at\":\"2026-11-29T09:32:00+01:00\""))
        #expect(text.contains("\"red_flags\":[\"fever\"]"))
    }

    @Test func caffeineAndTreatmentRoundTrip() throws {
        let at = Date(timeIntervalSince1970: 1_795_941_120)
        for body in [Entry.Body.caffeine(CaffeineIntake(milligrams: 126, drink: "espresso", servings: 2)),
                     .treatment(try Treatment(kind: .nsaid, name: "ibuprofen")),
                     .treatment(try Treatment(kind: .ice, minutes: 15, relief: 3))] {
            let entry = Entry(at: at, utcOffset: -18_000, body: body)
            #expect(try JSONDecoder().decode(Entry.self, from: JSONEncoder().encode(entry)) == entry)
        }
    }

    @Test func anEndBeforeTheStartIsRejected() {
        let start = Date(timeIntervalSince1970: 1_795_941_120)
        let entry = Entry(at: start, utcOffset: 0, body: .episode(Episode(region: .neck, severity: Severity(rawValue: 3)!,
                                                                          endedAt: start.addingTimeInterval(-60), endedUTCOffset: 0)))
        #expect(throws: InputError.self) { try entry.validate() }
    }
}

@Suite struct SyntheticJournalTests {
    @Test func sameSeedSameJournal() {
        var synthetic = SyntheticJournal(end: Date(timeIntervalSince1970: 1_795_941_120))
        synthetic.years = 0.1
        let a = synthetic.entries(), b = synthetic.entries()
        #expect(a == b)
        #expect(!a.isEmpty)
        synthetic.seed = 2
        #expect(synthetic.entries() != a)
    }

    @Test func tenYearsHasTheBenchmarkVolume() {
        let entries = SyntheticJournal(end: Date(timeIntervalSince1970: 1_795_941_120)).entries()
        let episodes = entries.filter { $0.kind == .episode }.count
        let caffeine = entries.filter { $0.kind == .caffeine }.count
        #expect((34_000...38_000).contains(episodes))
        #expect((95_000...105_000).contains(caffeine))
        #expect((10_300...11_600).contains(entries.filter { $0.kind == .activity }.count))   // about 3 a day
    }
}

@Suite struct EntryValidationTests {
    let at = Date(timeIntervalSince1970: 1_795_941_120)

    func entry(_ body: Entry.Body) -> Entry { Entry(at: at, utcOffset: 0, body: body) }

    @Test func anEntryBuiltElsewhereMeetsTheSameRules() {
        // A Varlink client or an import builds entries without the CLI's parsing: validate() is the gate.
        #expect(throws: InputError.self) { try entry(.caffeine(CaffeineIntake(milligrams: 1e300))).validate() }
        #expect(throws: InputError.self) { try entry(.caffeine(CaffeineIntake(milligrams: -5))).validate() }
        #expect(throws: InputError.self) { try entry(.caffeine(CaffeineIntake(milligrams: .nan))).validate() }
        #expect(throws: InputError.self) { try entry(.caffeine(CaffeineIntake(milligrams: 96, servings: 0))).validate() }
        #expect(throws: InputError.self) {
            try entry(.episode(Episode(region: .neck, severity: Severity(rawValue: 3)!, triggers: ["bad\u{7}tag"]))).validate()
        }
        #expect(throws: InputError.self) {
            try entry(.treatment(Treatment(unchecked: .ice, minutes: 100_000, relief: nil, name: nil))).validate()
        }
        #expect(throws: InputError.self) {
            try entry(.treatment(Treatment(unchecked: .ice, minutes: 15, relief: 11, name: nil))).validate()
        }
        #expect(throws: Never.self) { try entry(.caffeine(CaffeineIntake(milligrams: 1_500, drink: "coffee"))).validate() }
    }

    @Test func hugeAmountsFormatWithoutTrapping() {
        #expect(CaffeineInput.format(1e300) == "1e+300")
        #expect(CaffeineInput.format(96) == "96")
    }
}
