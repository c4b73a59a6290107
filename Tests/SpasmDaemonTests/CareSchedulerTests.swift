import Foundation
import Logging
import Testing
@testable import SpasmCore
@testable import SpasmDaemon
import SpasmNotify
import SpasmStore

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date
    init(_ time: Date) { self.time = time }
    var now: Date { lock.withLock { time } }
    func advance(minutes: Double) { lock.withLock { time += minutes * 60 } }
}

/// The scheduler over a real journal file, with the in-memory desktop playing the notification server.
@Suite struct CareSchedulerTests {
    let path = NSTemporaryDirectory() + "spasmd-care-" + UUID().uuidString + "/journal.sqlite"
    let journal: Journal
    let desktop = RecordingDesktop()
    let clock: TestClock
    var configuration = Configuration()
    let calendar: Calendar

    /// Sunday 29 Nov 2026, 10:00 in Berlin: outside quiet hours.
    static let start: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: 29, hour: 10))!
    }()

    init() throws {
        journal = try Journal.open(at: path)
        clock = TestClock(Self.start)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        self.calendar = calendar
        configuration.pt.weekdays = []
    }

    func scheduler(_ configuration: Configuration? = nil) throws -> CareScheduler {
        let book = CareBook(journal: journal, configuration: configuration ?? self.configuration, calendar: calendar)
        let clock = self.clock
        return try CareScheduler(book: book, notifier: desktop, logger: Logger(label: "test"), now: { clock.now })
    }

    func logEpisode(redFlags: [RedFlag] = []) throws {
        let offset = calendar.timeZone.secondsFromGMT(for: clock.now)
        _ = try journal.add(Entry(at: clock.now, utcOffset: offset,
                                  body: .episode(Episode(region: .lowerBack, severity: Severity(rawValue: 7)!, redFlags: redFlags))),
                            now: clock.now)
    }

    /// Plays the server's part: every event waiting goes to the scheduler.
    func pump(_ scheduler: CareScheduler) {
        for event in desktop.takeEvents() { scheduler.handle(event) }
    }

    /// A scheduler that has just shown the ice for a new episode; its notification's key.
    func iceShown() throws -> (CareScheduler, String) {
        let scheduler = try scheduler()
        try logEpisode()
        scheduler.replan()
        pump(scheduler)
        return (scheduler, try #require(desktop.shown.first?.key))
    }

    /// Plays the notification server leaving the bus, as the scheduler hears it.
    func serverLeaves(_ scheduler: CareScheduler) {
        desktop.serverPresent = false
        desktop.send(.serverVanished)
        pump(scheduler)
    }

    /// Plays a server appearing, and lets the scheduler show what waited (and hear that it did).
    func serverAppears(_ scheduler: CareScheduler) {
        desktop.serverPresent = true
        desktop.send(.serverAppeared)
        pump(scheduler)
        pump(scheduler)
    }

    /// Moves the clock on and lets the scheduler act, as its timer would.
    func step(_ scheduler: CareScheduler, minutes: Double) {
        clock.advance(minutes: minutes)
        scheduler.replan()
        pump(scheduler)
    }

    /// The recorded state of every reminder that has left "planned", by key.
    func states() throws -> [String: String] {
        let records = try journal.careInputs(now: clock.now, settings: configuration.reminders).records
        return Dictionary(records.map { ($0.id, $0.state.name) }, uniquingKeysWith: { $1 })
    }

    @Test func anEpisodeShowsIceWithItsButtonsOnceOnly() throws {
        let scheduler = try scheduler()
        try logEpisode()
        scheduler.replan()
        pump(scheduler)
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.count == 1)
        let ice = try #require(desktop.shown.first)
        #expect(ice.summary == "Ice now, 15 min")
        #expect(ice.urgency == .normal)
        #expect(ice.category == "x-spasm.ice-on")
        #expect(ice.actions.map(\.key) == ["done", "snooze", "skip"])
        let number = try #require(ReminderNotification.numbers(in: ice.key)?.first)
        #expect(ice.withoutActions?.contains("spasm done \(number)") == true)
        #expect(try journal.reminder(number: number)?.record.state == .shown)
    }

    @Test func doneRecordsTheTreatmentAndTheIceOffFollowsOnTime() throws {
        let (scheduler, key) = try iceShown()
        desktop.send(.action(key: key, action: "done"))
        pump(scheduler)
        let treatments = try journal.entries(kinds: [.treatment])
        #expect(treatments.count == 1)
        #expect(treatments.first?.treatment?.kind == .ice)
        #expect(treatments.first?.treatment?.minutes == 15)
        // Answered, it leaves the desktop even where the server would leave it up.
        #expect(desktop.closed == [key])

        step(scheduler, minutes: 14)
        #expect(desktop.shown.count == 1)
        step(scheduler, minutes: 1)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min", "Ice off now"])
    }

    @Test func snoozeBringsTheReminderBackAfterTheSnoozeTime() throws {
        let (scheduler, key) = try iceShown()
        desktop.send(.action(key: key, action: "snooze"))
        pump(scheduler)
        step(scheduler, minutes: 9)
        #expect(desktop.shown.count == 1)
        step(scheduler, minutes: 1)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min", "Ice now, 15 min"])
        #expect(try journal.entries(kinds: [.treatment]).isEmpty)
    }

    @Test func withoutAServerTheReminderWaitsAndIsShownWhenOneAppears() throws {
        let scheduler = try scheduler()
        serverLeaves(scheduler)
        try logEpisode()
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.isEmpty)
        #expect(try states().values.contains("undelivered"))
        #expect(scheduler.statusText().contains("no notification server"))

        clock.advance(minutes: 3)
        serverAppears(scheduler)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min"])
        #expect(try states().values.filter { $0 == "shown" }.count == 1)
    }

    @Test func aFailedShowIsRetriedWithBackoffNotAtOnce() throws {
        let scheduler = try scheduler()
        desktop.serverPresent = false
        try logEpisode()
        scheduler.replan()
        pump(scheduler)   // .failed: the server is on the bus but did not take it
        desktop.serverPresent = true
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.isEmpty)
        step(scheduler, minutes: 0.1)
        #expect(desktop.shown.count == 1)
    }

    @Test func aFailureThenTheServerLeavingWaitsForOneWithoutSpinning() throws {
        let scheduler = try scheduler()
        desktop.serverPresent = false
        try logEpisode()
        scheduler.replan()
        pump(scheduler)   // .failed before the notifier saw that no server is there
        serverLeaves(scheduler)
        step(scheduler, minutes: 1)
        // The retry time has passed; the timer waits for what is next, not for it again.
        #expect(try #require(scheduler.wakeAt) > clock.now)
        #expect(desktop.shown.isEmpty)

        serverAppears(scheduler)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min"])
    }

    @Test func aRestartedSchedulerShowsNothingTwiceAndLosesNothing() throws {
        let (first, key) = try iceShown()
        desktop.send(.action(key: key, action: "done"))
        pump(first)
        // spasmd stops here and comes back 20 minutes later: the "ice off" fell due meanwhile.
        clock.advance(minutes: 20)
        let second = try scheduler()
        second.replan()
        pump(second)
        second.replan()
        pump(second)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min", "Ice off now"])
    }

    @Test func aReminderTooOldWhenSpasmdComesBackIsRecordedMissedNotShown() throws {
        let (first, key) = try iceShown()
        desktop.send(.action(key: key, action: "done"))
        pump(first)
        // Down for three hours: the "ice off" is past reminders.missed_after_minutes (120).
        clock.advance(minutes: 180)
        let second = try scheduler()
        second.replan()
        pump(second)
        #expect(!desktop.shown.contains { $0.summary == "Ice off now" })
        #expect(try states()["ice-off:" + String(try #require(journal.entries(kinds: [.episode]).first?.uuid.uuidString.lowercased())) + ":1"] == "missed")
    }

    @Test func aWallClockTimerInThePastFiresAtOnceAndOneAheadWaits() throws {
        let timer = try TimerSource(clock: CLOCK_REALTIME)
        var descriptor = pollfd(fd: timer.fd, events: Int16(POLLIN), revents: 0)
        timer.arm(at: Date() + 3600)
        #expect(poll(&descriptor, 1, 100) == 0)
        // A due time that passed while the machine slept: the timer fires as soon as it is armed.
        timer.arm(at: Date() - 60)
        #expect(poll(&descriptor, 1, 5_000) == 1)
        #expect(timer.acknowledge())
    }

    @Test func aRedFlagInQuietHoursIsShownAtOnceAsCritical() throws {
        let scheduler = try scheduler()
        clock.advance(minutes: 13 * 60)   // 23:00
        try logEpisode(redFlags: [.bladderBowel])
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.count == 1)
        let alert = try #require(desktop.shown.first)
        #expect(alert.urgency == .critical)
        #expect(alert.summary == "Get medical help now")
        #expect(alert.actions.map(\.key) == ["done"])
        // Acknowledged from the notification: the red flag counts as seen for `spasm suggest` too.
        desktop.send(.action(key: alert.key, action: "done"))
        pump(scheduler)
        #expect(try journal.acknowledgedRedFlags().count == 1)
    }

    /// The journal as the CLI (or any other writer) changes it: the same store code over the same file.
    var book: CareBook { CareBook(journal: journal, configuration: configuration, calendar: calendar) }

    /// What spasmd does once the watcher has seen the file touched: the settle timer looks whether a
    /// commit landed (the journal's change mark) and replans.
    func noticed(_ scheduler: CareScheduler) {
        scheduler.journalFileChanged()
        scheduler.settled()
        pump(scheduler)
    }

    @Test func pauseHoldsRemindersBackAndResumeBringsThemOut() throws {
        let scheduler = try scheduler()
        try book.pause(until: clock.now + 3600, now: clock.now)
        try logEpisode()
        noticed(scheduler)
        #expect(desktop.shown.isEmpty)
        #expect(scheduler.status().pausedUntil != nil)
        #expect(try book.resume(now: clock.now))
        noticed(scheduler)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min"])
    }

    @Test func aPauseThatEndsInThePastIsRefused() throws {
        #expect(throws: InputError.self) { try book.pause(until: clock.now - 60, now: clock.now) }
        #expect(try journal.pause(now: clock.now) == nil)
    }

    @Test func answeringFromTheCommandLineClosesTheNotification() throws {
        let (scheduler, key) = try iceShown()
        let number = try #require(ReminderNotification.numbers(in: key)?.first)
        let stored = try book.answer(number, with: .skip, now: clock.now)
        #expect(stored.record.state == .skipped)
        #expect(desktop.closed.isEmpty)
        noticed(scheduler)
        #expect(desktop.closed == [key])
        #expect(try journal.entries(kinds: [.treatment]).isEmpty)
        // Nothing else is shown or closed by the answer.
        #expect(desktop.shown.count == 1)
    }

    @Test func aNotificationStillUnansweredStaysOnScreenWhenTheJournalChanges() throws {
        let (scheduler, key) = try iceShown()
        _ = try journal.add(Entry(at: clock.now, utcOffset: 3600, body: .caffeine(CaffeineIntake(milligrams: 80, drink: "coffee", servings: 1))),
                            now: clock.now)
        noticed(scheduler)
        #expect(!desktop.closed.contains(key))
    }
}

/// New suggestions as notifications, through the scheduler that reviews them on journal changes.
@Suite struct SuggestionNotificationTests {
    let base: CareSchedulerTests

    init() throws { base = try CareSchedulerTests() }

    func scheduler() throws -> CareScheduler {
        let scheduler = try base.scheduler()
        scheduler.suggestions = SuggestionReview(journal: base.journal, configuration: base.configuration,
                                                 calendar: base.calendar, notifier: base.desktop, logger: Logger(label: "test"))
        return scheduler
    }

    /// Two episodes of severity 8 or more within 14 days: the specialist rule's boundary.
    func logSevereEpisodes(hoursApart: Double = 24) throws {
        for back in [hoursApart, 0] {
            let at = base.clock.now - back * 3600 - 600
            _ = try base.journal.add(Entry(at: at, utcOffset: 3600,
                                           body: .episode(Episode(region: .neck, severity: Severity(rawValue: 8)!, endedAt: at + 600,
                                                                  endedUTCOffset: 3600))), now: base.clock.now)
        }
    }

    /// A write reached the journal: the scheduler replans as its settle timer would, 50 ms later.
    func written(_ scheduler: CareScheduler) {
        base.noticed(scheduler)
    }

    var suggestions: [DesktopNotification] { base.desktop.shown.filter { $0.category == "x-spasm.suggestion" } }

    @Test func aNewSuggestionIsShownOnceWithAReadButton() throws {
        let scheduler = try scheduler()
        written(scheduler)
        #expect(suggestions.isEmpty)
        try logSevereEpisodes()
        written(scheduler)
        written(scheduler)
        let shown = try #require(suggestions.first { $0.key.contains(Advice.Rule.severe.rawValue) })
        #expect(suggestions.filter { $0.key == shown.key }.count == 1)
        #expect(shown.actions.map(\.key) == ["read"])
        #expect(shown.body.contains("2 episodes at severity 8 or more"))

        base.desktop.send(.action(key: shown.key, action: "read"))
        base.pump(scheduler)
        #expect(try base.journal.suggestionRead(String(shown.key.dropFirst(2))) != nil)
        #expect(base.desktop.closed == [shown.key])
        // Reading it records nothing else.
        #expect(try base.journal.entries(kinds: [.treatment]).isEmpty)
    }

    @Test func quietHoursHoldASuggestionUntilTheyEnd() throws {
        let scheduler = try scheduler()
        base.clock.advance(minutes: 13 * 60)   // 23:00
        try logSevereEpisodes()
        written(scheduler)
        #expect(suggestions.isEmpty)
        base.step(scheduler, minutes: 8 * 60 + 30)   // 07:30, when quiet hours end
        #expect(suggestions.contains { $0.key.contains(Advice.Rule.severe.rawValue) })
    }

    @Test func withoutAServerTheSuggestionWaitsForOne() throws {
        let scheduler = try scheduler()
        base.desktop.serverPresent = false
        try logSevereEpisodes()
        written(scheduler)
        #expect(suggestions.isEmpty)
        base.serverAppears(scheduler)
        #expect(suggestions.filter { $0.key.contains(Advice.Rule.severe.rawValue) }.count == 1)
    }
}
