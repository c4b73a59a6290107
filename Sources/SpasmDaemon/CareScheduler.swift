import Foundation
import Logging
import SpasmCore
import SpasmIPC
import SpasmNotify
import SpasmStore
import SpasmSystemd

/// Keeps the care plan on the desktop: one wall-clock timer for the earliest due reminder, a
/// notification for what falls due, and the user's answers back into the journal.
///
/// Everything runs on spasmd's loop thread. The plan is worked out again on every journal change
/// (whoever made it: the CLI, a Varlink client, a script, spasmd itself), when the timer fires (also late, after a suspend), when the clock is set, and when a notification
/// server appears; the journal holds each reminder's state, so a restart picks up where it stopped.
public final class CareScheduler: @unchecked Sendable {
    private let book: CareBook
    private let notifier: any Notifier
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let timer: TimerSource
    /// Coalesces a burst of journal writes into one replan shortly after the first of them.
    private let settle: TimerSource
    /// The journal's change mark as of the last plan, to tell a commit from any other touch of the file.
    private var mark: [Int] = []
    /// The file was touched and the settle timer will look whether a commit landed; `rechecks` counts
    /// the looks that found none yet.
    private var checking = false
    private var rechecks = 0

    private(set) var snapshot: CareBook.Snapshot?
    /// Asked to show, no answer from the server yet; by notification key.
    private var inFlight: [String: [Reminder]] = [:]
    /// On screen, waiting for a click; by notification key.
    private var onScreen: [String: [Reminder]] = [:]
    /// Whether a notification server is on the bus; assumed until told otherwise.
    private(set) var serverPresent = true
    /// Failed shows in a row, for the backoff, and when to try again.
    private var failures = 0
    private var retryAt: Date?
    /// When the timer fires next.
    private(set) var wakeAt: Date?
    /// Called when the status line may have changed.
    var onStatusChange: () -> Void = {}
    /// New suggestions as notifications; reviewed when the journal changes.
    var suggestions: SuggestionReview?
    private var needsReview = true
    /// When quiet hours or the pause end, if they held suggestions back.
    private var reviewAt: Date?
    /// Do-not-disturb and the screen lock, now and lately: the planner holds reminders for them.
    private(set) var desktop = DesktopHolds()
    /// The notification each reminder was last shown in, so showing it again replaces that one.
    private var shownIn: [ReminderID: String] = [:]

    public init(book: CareBook, notifier: any Notifier, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.book = book
        self.notifier = notifier
        self.logger = logger
        self.now = now
        timer = try TimerSource(clock: CLOCK_REALTIME)
        settle = try TimerSource()
    }

    /// Starts watching the timer and the notifier, and plans for the first time.
    public func start(on loop: EventLoop) throws {
        try loop.watch(timer.fd) { [unowned self] _ in
            if !timer.acknowledge() { logger.info("the wall clock was set; planning again") }
            replan()
        }
        try loop.watch(settle.fd) { [unowned self] _ in
            settle.acknowledge()
            settled()
        }
        try loop.watch(notifier.eventDescriptor) { [unowned self] _ in
            for event in notifier.takeEvents() { handle(event) }
        }
        replan()
    }

    // MARK: - Planning and delivery

    /// Works out the plan at this moment, records what was missed, shows what is due, re-arms the timer.
    public func replan() {
        let now = now()
        do {
            let snapshot = try book.plan(now: now, desktop: desktop)
            self.snapshot = snapshot
            try book.recordMissed(snapshot, now: now)
            for reminder in snapshot.plan.missed {
                logger.info("reminder missed", metadata: metadata(reminder, snapshot.number(of: reminder)))
            }
            closeAnswered(snapshot.plan)
            for group in snapshot.plan.groups { deliver(group, numbers: group.reminders.map(snapshot.number(of:)), now: now) }
            let listed = Set(snapshot.plan.reminders.map(\.id))
            shownIn = shownIn.filter { listed.contains($0.key) }
            if let suggestions, needsReview || reviewAt.map({ $0 <= now }) == true {
                needsReview = false
                reviewAt = suggestions.review(now: now, pause: snapshot.pause)
            }
        } catch {
            logger.error("could not plan reminders: \(error)", metadata: MessageID.journalUnavailable.metadata)
        }
        arm(now: now)
        mark = (try? book.journal.changeMark()) ?? []
        onStatusChange()
    }

    /// The journal file changed on disk (the watcher saw its main file or write-ahead log written).
    /// The settle timer looks 50 ms later whether a commit landed, once for a burst of writes.
    public func journalFileChanged() {
        guard !checking else { return }
        checking = true
        rechecks = 0
        settle.arm(after: .milliseconds(50))
    }

    /// The settle timer fired: replan if a commit landed since the last plan, else look again a
    /// little later, at most twice.
    func settled() {
        if journalMoved {
            checking = false
            needsReview = true
            replan()
        } else if checking, rechecks < 2 {
            // A writer's last frame reaches the log before its fsync and before the commit is visible
            // to readers; look again a little later rather than miss it.
            rechecks += 1
            settle.arm(after: .milliseconds(250 * rechecks))
        } else {
            checking = false
        }
    }

    /// A notification whose reminder was answered elsewhere (`spasm done 17` writes the journal) or
    /// is over comes off the desktop: its reminders are no longer shown in the plan.
    private func closeAnswered(_ plan: CarePlan) {
        let shown = Set(plan.reminders.filter { $0.state == .shown }.map(\.id))
        for (key, reminders) in onScreen where reminders.contains(where: { !shown.contains($0.id) }) {
            onScreen[key] = nil
            notifier.close(key: key)
        }
    }

    /// A commit landed since the last plan, by anyone: SQLite's change mark moved.
    private var journalMoved: Bool { (try? book.journal.changeMark()) ?? [] != mark }

    /// The plan as of the latest commit, even one the settle timer has not looked at yet.
    private func current() {
        if snapshot == nil || journalMoved {
            needsReview = true
            replan()
        }
    }

    private func deliver(_ group: ReminderGroup, numbers: [Int], now: Date) {
        var shown = ReminderNotification(group: group, numbers: numbers, snoozeMinutes: book.configuration.reminders.snoozeMinutes)
        let ids = Set(group.reminders.map(\.id))
        shown.replaces = Set(ids.compactMap { shownIn[$0] }).subtracting([shown.key]).sorted()
        // Already asked for: wait for the server's answer rather than show it twice.
        if inFlight.values.contains(where: { !ids.isDisjoint(with: $0.map(\.id)) }) { return }
        guard serverPresent else {
            recordUndelivered(group.reminders, reason: "no notification server on the session bus", now: now)
            return
        }
        if let retryAt, retryAt > now { return }
        inFlight[shown.key] = group.reminders
        notifier.show(shown.notification)
    }

    private func recordUndelivered(_ reminders: [Reminder], reason: String, now: Date) {
        // The plan as listed says so too, without waiting for the next replan.
        let ids = Set(reminders.map(\.id))
        for index in snapshot?.plan.reminders.indices ?? 0..<0 where ids.contains(snapshot!.plan.reminders[index].id) {
            snapshot!.plan.reminders[index].state = .undelivered
        }
        for reminder in reminders where reminder.state != .undelivered {
            _ = try? book.journal.record(reminder, state: .undelivered, at: now)
            var fields = metadata(reminder, snapshot?.number(of: reminder) ?? 0)
            fields["reason"] = "\(reason)"
            logger.warning("reminder undelivered", metadata: fields)
        }
    }

    /// One timer: the earliest due reminder, a retry, or (with nothing due) the moment new reminders
    /// come into the plan's horizon.
    private func arm(now: Date) {
        let horizon = now + TimeInterval(book.configuration.reminders.horizonHours) * 1800
        // A retry that is due was made by this replan (its answer sets the next one), and without a
        // server only one appearing retries: a past time here would fire the timer again at once,
        // and again, until a server came.
        let retry = serverPresent ? retryAt.flatMap { $0 > now ? $0 : nil } : nil
        let candidates = [snapshot?.plan.nextDue(after: now), retry, reviewAt, horizon].compactMap { $0 }
        wakeAt = candidates.min()!
        timer.arm(at: wakeAt!)
    }

    // MARK: - Desktop state

    /// Do-not-disturb or the screen lock changed: reminders due now wait while either is on, and what
    /// waited is shown (or judged missed) the moment both are off.
    public func desktopChanged(_ state: DesktopState) {
        let before = desktop.current?.reason
        desktop.update(state, at: now())
        guard desktop.current?.reason != before else { return }
        if let reason = desktop.current?.reason {
            logger.info("reminders held", metadata: ["SPASM_HELD": "\(reason.rawValue)"])
        } else {
            logger.info("reminders no longer held", metadata: ["SPASM_HELD_SINCE": "\(before.map(\.rawValue) ?? "")"])
        }
        replan()
    }

    /// Back from suspend: what fell due meanwhile is shown once or recorded missed, at once rather
    /// than when the timer notices.
    public func resumed() {
        logger.info("resumed from suspend; planning again")
        replan()
    }

    // MARK: - Events from the desktop

    func handle(_ event: NotifierEvent) {
        let now = now()
        if suggestions?.handle(event, now: now) == true { return }
        switch event {
        case .shown(let key):
            guard let reminders = inFlight.removeValue(forKey: key) else { return }
            failures = 0
            retryAt = nil
            // A notification these reminders were on before was replaced by this one.
            let ids = Set(reminders.map(\.id))
            for (other, shown) in onScreen where !ids.isDisjoint(with: shown.map(\.id)) { onScreen[other] = nil }
            onScreen[key] = reminders
            for reminder in reminders {
                shownIn[reminder.id] = key
                _ = try? book.journal.record(reminder, state: .shown, at: now)
                logger.info("reminder shown", metadata: metadata(reminder, snapshot?.number(of: reminder) ?? 0))
            }
            replan()
        case .failed(let key, let reason):
            guard let reminders = inFlight.removeValue(forKey: key) else { return }
            recordUndelivered(reminders, reason: reason, now: now)
            failures += 1
            // 5 s, 10 s, 20 s … at most 5 minutes apart; a server appearing retries at once.
            retryAt = now + min(300, 5 * pow(2, Double(min(failures - 1, 6))))
            arm(now: now)
            onStatusChange()
        case .action(let key, let action):
            guard let answer = ReminderAnswer(rawValue: action), let numbers = ReminderNotification.numbers(in: key) else { return }
            // Answered: take it off the desktop. Most servers do so themselves; some (dunst's menu)
            // leave it up, with buttons for a reminder that is over.
            onScreen[key] = nil
            notifier.close(key: key)
            for number in numbers {
                do { _ = try record(answer, to: number, now: now) } catch {
                    logger.info("answer not recorded: \(error)", metadata: ["number": "\(number)", "answer": "\(action)"])
                }
            }
            replan()
        case .closed(let key):
            onScreen[key] = nil
        case .serverAppeared:
            logger.info("a notification server is on the session bus")
            serverPresent = true
            needsReview = true
            failures = 0
            retryAt = nil
            replan()
        case .serverVanished:
            logger.warning("no notification server on the session bus; reminders wait for one")
            serverPresent = false
            // What it showed is gone with it; the reminders stay shown in the journal.
            onScreen.removeAll()
            for (key, reminders) in inFlight {
                inFlight[key] = nil
                recordUndelivered(reminders, reason: "the notification server left", now: now)
            }
            onStatusChange()
        }
    }

    private func record(_ answer: ReminderAnswer, to number: Int, now: Date) throws -> StoredReminder {
        let stored = try book.answer(number, with: answer, now: now)
        var fields = Logger.Metadata()
        fields["SPASM_REMINDER"] = "\(number)"
        fields["SPASM_REMINDER_KIND"] = "\(stored.kind.rawValue)"
        fields["SPASM_ANSWER"] = "\(answer.rawValue)"
        logger.info("reminder answered", metadata: fields)
        return stored
    }

    private func metadata(_ reminder: Reminder, _ number: Int) -> Logger.Metadata {
        ["SPASM_REMINDER": "\(number)", "SPASM_REMINDER_KIND": "\(reminder.kind.rawValue)",
         "SPASM_DUE": "\(CivilTime(reminder.due, in: zone).iso8601)"]
    }

    private var zone: TimeZone { book.calendar.timeZone }

    // MARK: - Status

    public func status() -> CareInterface.StatusReply {
        current()
        let pending = snapshot?.plan.pending ?? []
        return CareInterface.StatusReply(
            status: statusText(),
            next: pending.first.map { next in
                CareInterface.Reminder(next, number: snapshot!.number(of: next), in: zone,
                                       held: snapshot!.plan.held.contains { $0.id == next.id })
            },
            pending: pending.count,
            pausedUntil: snapshot?.pause.map { CivilTime($0.until, in: zone).iso8601 },
            notificationServer: serverPresent,
            journal: book.journal.path,
            held: desktop.current?.reason.rawValue)
    }

    /// "2 reminders pending; next: Ice off now at 14:32", as systemctl status shows it.
    func statusText() -> String {
        guard let snapshot else { return "no care plan yet" }
        let pending = snapshot.plan.pending
        var parts: [String] = []
        if let pause = snapshot.pause { parts.append("paused until \(CivilTime(pause.until, in: zone).clock)") }
        if let hold = desktop.current { parts.append("held: \(hold.reason.rawValue)") }
        parts.append(pending.count == 1 ? "1 reminder pending" : "\(pending.count) reminders pending")
        if let next = pending.first { parts.append("next: \(next.title) at \(CivilTime(next.due, in: zone).clock)") }
        if !serverPresent { parts.append("no notification server") }
        return parts.joined(separator: "; ")
    }
}
