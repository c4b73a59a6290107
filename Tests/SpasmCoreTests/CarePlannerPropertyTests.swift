import Foundation
import Testing
@testable import SpasmCore

/// A random but reproducible planning situation: a journal of the last days, settings, records, a pause.
private struct RandomSituation {
    var entries: [Entry] = []
    var records: [ReminderRecord] = []
    var configuration = Configuration()
    var pause: PauseWindow?
    var now: Date
    var calendar: Calendar

    static let zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        func chance(_ p: Double) -> Bool { random.unit() < p }
        calendar = zonedCalendar(Self.zones[int(0...Self.zones.count - 1)])
        // Any minute of 2026, DST changes included.
        now = Date(timeIntervalSince1970: 1_767_225_600 + Double(int(0...365 * 24 * 60)) * 60)
        let zone = calendar.timeZone
        let offset = { (at: Date) in zone.secondsFromGMT(for: at) }

        var r = configuration.reminders
        r.iceMinutes = int(10...20); r.iceIntervalMinutes = int(20...90); r.iceDailyCap = int(1...5)
        r.heatMinutes = int(10...20); r.heatIntervalMinutes = int(20...90); r.heatDailyCap = int(1...5)
        r.restIntervalMinutes = int(60...180); r.acuteWindowHours = int(12...72)
        r.missedAfterMinutes = int(30...240); r.horizonHours = int(24...48)
        r.reliefAfterMinutes = int(0...30)
        // Quiet hours across midnight, inside one day, or none.
        switch int(0...2) {
        case 0: r.quietStart = TimeOfDay(hour: int(20...23), minute: int(0...59))!; r.quietEnd = TimeOfDay(hour: int(5...9), minute: int(0...59))!
        case 1: r.quietStart = TimeOfDay(hour: int(0...2), minute: 0)!; r.quietEnd = TimeOfDay(hour: int(4...8), minute: 30)!
        default: r.quietStart = TimeOfDay(hour: 0, minute: 0)!; r.quietEnd = r.quietStart
        }
        configuration.reminders = r
        configuration.pt.weekdays = Weekday.allCases.filter { _ in chance(0.6) }
        configuration.pt.times = (0..<int(0...3)).map { _ in TimeOfDay(hour: int(0...23), minute: int(0...59))! }
        configuration.pt.routine = chance(0.5) ? "neck" : "low-back"

        for index in 0..<int(0...3) {
            let start = now - random.unit() * 72 * 3600
            var ended = chance(0.4) ? start + random.unit() * 30 * 3600 : nil
            if let end = ended, end > now { ended = nil }
            let flags = chance(0.2) ? [RedFlag.allCases[int(0...RedFlag.allCases.count - 1)]] : []
            let uuid = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", index + 1))!
            entries.append(Entry(uuid: uuid, at: start, utcOffset: offset(start),
                                 body: .episode(Episode(region: .neck, severity: Severity(rawValue: 5)!, redFlags: flags,
                                                        endedAt: ended, endedUTCOffset: ended.map(offset)))))
        }
        if chance(0.3) {
            let at = now - random.unit() * 48 * 3600
            entries.append(Entry(uuid: UUID(), at: at, utcOffset: offset(at),
                                 body: .treatment(Treatment(unchecked: .heat, minutes: chance(0.5) ? nil : 15, relief: nil, name: nil))))
        }
        for _ in 0..<int(0...6) {
            let at = now - random.unit() * 30 * 3600
            entries.append(Entry(uuid: UUID(), at: at, utcOffset: offset(at), body: .caffeine(CaffeineIntake(milligrams: 96))))
        }
        if chance(0.2) { pause = PauseWindow(from: now - 3600, until: now + random.unit() * 3 * 3600) }

        // What a daemon would have recorded so far, for some of the reminders.
        let first = CarePlanner.plan(entries: entries, records: [], configuration: configuration, pause: pause, now: now, calendar: calendar)
        for reminder in first.reminders + first.missed where reminder.due <= now && chance(0.4) {
            let states: [ReminderState] = [.shown, .done, .skipped, .undelivered, .snoozed(until: reminder.due + 600), .missed]
            let state = states[int(0...states.count - 1)]
            let at = state == .done ? min(now, reminder.due + Double(int(0...600))) : reminder.due
            records.append(ReminderRecord(id: reminder.id, state: state, at: at, due: reminder.due))
        }
    }

    func plan(at now: Date? = nil, records: [ReminderRecord]? = nil) -> CarePlan {
        CarePlanner.plan(entries: entries, records: records ?? self.records, configuration: configuration, pause: pause,
                         now: now ?? self.now, calendar: calendar)
    }
}

/// "ice-on:<key>:3" -> ("ice", "<key>:3"), to find a session's other half.
private func session(_ id: ReminderID) -> (kind: String, rest: Substring)? {
    guard let colon = id.firstIndex(of: ":") else { return nil }
    return (String(id[..<colon]), id[id.index(after: colon)...])
}

@Suite struct CarePlannerPropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test(arguments: seeds)
    func noNonCriticalReminderIsDueInQuietHoursOrThePause(seed: UInt64) {
        let situation = RandomSituation(seed: seed)
        let plan = situation.plan()
        let quiet = QuietHours(start: situation.configuration.reminders.quietStart, end: situation.configuration.reminders.quietEnd)
        for reminder in plan.reminders where reminder.urgency != .critical && reminder.state != .shown {
            #expect(!quiet.contains(reminder.due, in: situation.calendar.timeZone), "seed \(seed): \(reminder.id) at \(reminder.due)")
            #expect(!(situation.pause?.contains(reminder.due) ?? false), "seed \(seed): \(reminder.id) in the pause")
        }
    }

    @Test(arguments: seeds)
    func everyIceOrHeatOnIsFollowedByItsOff(seed: UInt64) {
        let situation = RandomSituation(seed: seed)
        let plan = situation.plan()
        let horizonEnd = situation.now + hours(situation.configuration.reminders.horizonHours)
        let listed = Dictionary(plan.reminders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missed = Set(plan.missed.map(\.id))
        let final = Set(situation.records.filter(\.state.isFinal).map(\.id))
        for on in plan.reminders where on.kind == .iceOn || on.kind == .heatOn {
            let length = minutes(on.kind == .iceOn ? situation.configuration.reminders.iceMinutes : situation.configuration.reminders.heatMinutes)
            guard on.due + length <= horizonEnd, let parts = session(on.id) else { continue }
            let offID = parts.kind.replacingOccurrences(of: "-on", with: "-off") + ":" + parts.rest
            let off = listed[offID]
            #expect(off != nil || missed.contains(offID) || final.contains(offID), "seed \(seed): \(on.id) has no \(offID)")
            if let off, on.state == .planned, on.due > situation.now {
                #expect(off.due == on.due + length, "seed \(seed): \(offID)")
            }
        }
    }

    @Test(arguments: seeds)
    func replanningTheSameStateGivesTheSamePlan(seed: UInt64) {
        let situation = RandomSituation(seed: seed)
        let plan = situation.plan()
        #expect(plan == situation.plan())
        #expect(plan == situation.plan(records: situation.records.reversed()))
        #expect(Set(plan.reminders.map(\.id)).count == plan.reminders.count, "seed \(seed): an id twice")
    }

    /// A daemon replans at each reminder's due time and every few minutes (sometimes after a 6 h
    /// suspend), shows what is due, records what is missed and replans. Across small steps no reminder
    /// leaves the plan and comes back; over the whole run none is shown twice.
    @Test(arguments: seeds.prefix(80))
    func planningIsMonotoneAsTimePasses(seed: UInt64) {
        let situation = RandomSituation(seed: seed)
        var random = SplitMix64(seed: seed ^ 0xABCD)
        var records = Dictionary(situation.records.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
        var now = situation.now
        var present: Set<ReminderID> = []
        var gone: Set<ReminderID> = []
        var shownCount: [ReminderID: Int] = [:]
        for _ in 0..<300 {
            let plan = situation.plan(at: now, records: Array(records.values))
            for reminder in plan.dueNow {
                shownCount[reminder.id, default: 0] += 1
                records[reminder.id] = ReminderRecord(id: reminder.id, state: .shown, at: now, due: reminder.due)
            }
            for reminder in plan.missed {
                records[reminder.id] = ReminderRecord(id: reminder.id, state: .missed, at: now, due: reminder.due)
            }
            let settled = situation.plan(at: now, records: Array(records.values))
            #expect(settled.dueNow.isEmpty && settled.missed.isEmpty, "seed \(seed): still due after acting at \(now)")
            let ids = Set((plan.reminders + plan.missed).map(\.id))
            let back = ids.intersection(gone)
            #expect(back.isEmpty, "seed \(seed): \(back.sorted()) left the plan and came back at \(now)")
            gone.formUnion(present.subtracting(ids))
            present = ids
            if random.unit() < 0.03 {
                // A suspend: a big step, after which the watch starts again.
                now += 6 * 3600
                present = []
                gone = []
            } else {
                now = min(now + 5 * 60, settled.nextDue(after: now) ?? .distantFuture)
            }
        }
        #expect(shownCount.values.allSatisfy { $0 == 1 }, "seed \(seed): shown twice: \(shownCount.filter { $0.value > 1 }.keys.sorted())")
    }
}
