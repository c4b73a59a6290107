import Foundation
import SpasmCore

/// A small journal with a known answer, in Berlin winter time (UTC+1).
enum Fixtures {
    static let offset = 3600
    /// 2026-01-05 12:00 UTC, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_767_614_400)

    static func at(day: Int, hour: Int) -> Date { monday.addingTimeInterval(Double(day * 86_400 + (hour - 12) * 3600)) }

    static func uuid(_ n: Int) -> UUID {
        let digits = String(n)
        return UUID(uuidString: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits)!
    }

    static let hostileNote = "=HYPERLINK(\"http://evil.example\",\"click\") <b>bold</b> & *star* _under_ # hash `tick` 😖 שלום עולם مرحبا 日本語"

    static func episode(_ n: Int, day: Int, hour: Int = 9, region: BodyRegion = .lowerBack, severity: Int,
                        triggers: [String] = [], flags: [RedFlag] = [], minutes: Int? = 30, note: String? = nil) -> Entry {
        let start = at(day: day, hour: hour)
        let ended = minutes.map { start.addingTimeInterval(Double($0 * 60)) }
        return Entry(uuid: uuid(n), at: start, utcOffset: offset, note: note,
                     body: .episode(Episode(region: region, severity: Severity(rawValue: severity)!, triggers: triggers,
                                            redFlags: flags, endedAt: ended, endedUTCOffset: ended.map { _ in offset })))
    }

    static func caffeine(_ n: Int, day: Int, mg: Double, drink: String? = "coffee") -> Entry {
        Entry(uuid: uuid(n), at: at(day: day, hour: 12), utcOffset: offset, body: .caffeine(CaffeineIntake(milligrams: mg, drink: drink)))
    }

    static func treatment(_ n: Int, day: Int, _ kind: TreatmentKind, relief: Int? = nil, name: String? = nil, hour: Int = 10) -> Entry {
        Entry(uuid: uuid(n), at: at(day: day, hour: hour), utcOffset: offset,
              body: .treatment(Treatment(unchecked: kind, minutes: kind.isMedicine ? nil : 15, relief: relief, name: name)))
    }

    /// Two weeks from Monday 2026-01-05: four episodes, caffeine, treatments, one red flag.
    static let journal: [Entry] = [
        episode(1, day: 0, severity: 7, triggers: ["lifting"], note: hostileNote),
        caffeine(2, day: 0, mg: 200),
        Entry(uuid: uuid(3), at: at(day: 0, hour: 10), utcOffset: offset, note: "\ttab\nnew line \"quoted\" back\\slash \u{1F600}",
              body: .treatment(Treatment(unchecked: .ice, minutes: 15, relief: 6, name: nil))),
        treatment(4, day: 0, .nsaid, relief: 4, name: "ibuprofen"),
        episode(5, day: 2, region: .neck, severity: 4, triggers: ["desk work", "lifting"]),
        treatment(6, day: 2, .nsaid, name: "ibuprofen"),
        treatment(7, day: 2, .pt, hour: 8),
        treatment(8, day: 2, .pt, hour: 18),
        episode(9, day: 8, severity: 9, triggers: ["lifting"], flags: [.saddleNumbness]),
        caffeine(10, day: 9, mg: 100),
        episode(11, day: 10, region: .neck, severity: 2, minutes: nil),
        treatment(12, day: 10, .muscleRelaxant, name: "cyclobenzaprine"),
    ]

    static let period = ExportPeriodFactory.twoWeeks
}

import SpasmExport

enum ExportPeriodFactory {
    /// Monday 2026-01-05 00:00 to Monday 2026-01-19 00:00, Berlin time.
    static let twoWeeks = ExportPeriod(start: Fixtures.at(day: 0, hour: 0).addingTimeInterval(-3600),
                                       end: Fixtures.at(day: 14, hour: 0).addingTimeInterval(-3600), utcOffset: Fixtures.offset)
}
