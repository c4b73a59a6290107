import Foundation
import SpasmCore
import SpasmExport

/// A journal of any shape from a seed: a period of 0 days to 10 years, sparse or dense, long labels,
/// notes in many scripts, red flags, many suggestions, A4 or Letter.
struct RandomJournal {
    var entries: [Entry] = []
    var period: ExportPeriod
    var advice: [Advice] = []
    var acknowledged: Set<UUID> = []
    var paper: PaperSize

    /// Text in the scripts a note may be written in, with the marks that trouble layout engines.
    static let scripts = [
        "Ça fait très mal au dos, élancements à gauche",
        "Боль в шее усилилась после работы за компьютером",
        "Πόνος στη μέση μετά την άρση βάρους",
        "ألم في أسفل الظهر بعد رفع الصندوق",
        "כאב חד בצוואר אחרי נהיגה ארוכה",
        "पीठ के निचले हिस्से में दर्द",
        "ปวดหลังส่วนล่างหลังยกของหนัก",
        "日本語の痛み、首から肩にかけて",
        "腰痛がひどくて眠れなかった",
        "허리 통증이 심해졌다",
        "😖🔥🧊💊 👩🏽‍⚕️ 🏋️‍♂️",
        "Đau lưng dưới sau khi nâng đồ nặng, e\u{301} combining",
        "Supercalifragilisticexpialidocious-without-any-space-" + String(repeating: "x", count: 180),
        "tab\tseparated\tvalues and\nline\nbreaks\n\n\nthen more",
        "<b>markup</b> & *stars* `ticks` =SUM(A1:A9)",
    ]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func chance(_ p: Double) -> Bool { random.unit() < p }
        func text(_ maxLength: Int) -> String {
            var out = ""
            let target = Int(random.unit() * Double(maxLength))
            while out.count < target { out += pick(Self.scripts) + " " }
            return String(out.prefix(max(1, target)))
        }
        func label() -> String {
            // Labels are at most 100 characters; some are one long word.
            chance(0.2) ? String(repeating: pick(["w", "ж", "字", "ש"]), count: 20 + Int(random.next() % 81))
                : String(text(100).trimmingCharacters(in: .whitespacesAndNewlines).prefix(100)).lowercased()
        }

        paper = pick(PaperSize.allCases)
        let days = pick([0, 1, 3, 7, 14, 30, 90, 90, 180, 365, 730, 3650])
        let end = Date(timeIntervalSince1970: 1_796_000_000 + Double(random.next() % 10_000_000))
        let offset = pick([3600, 7200, 0, -18_000, 19_800, 45_900])
        let start = end.addingTimeInterval(-Double(days) * 86_400)
        period = ExportPeriod(start: start, end: end, utcOffset: offset)
        // Long periods are sparse, so a run of 200 stays quick; short ones may be dense.
        let perDay = days == 0 ? 0 : min(pick([0.0, 0.2, 1.4, 4, 12]), 300 / Double(days))
        let triggers = (0..<(1 + Int(random.next() % 12))).map { _ in label() }
        let names = (0..<4).map { _ in label() }
        let total = Int(perDay * Double(days) * 2) + (chance(0.5) ? Int(random.next() % 40) : 0)
        // Some entries before the period: red flags from long ago and the period before, for the comparison.
        let first = start.addingTimeInterval(-Double(max(days, 1)) * 86_400 * (chance(0.5) ? 1.5 : 0.3))
        let span = end.timeIntervalSince(first)
        for _ in 0..<total {
            let at = Date(timeIntervalSince1970: (first.timeIntervalSince1970 + random.unit() * span).rounded(.down))
            let note: String? = chance(0.15) ? text(chance(0.1) ? 4000 : 300) : nil
            let body: Entry.Body
            switch random.next() % 10 {
            case 0...3:
                let flags = chance(0.05) ? (0..<(1 + Int(random.next() % 5))).map { _ in pick(RedFlag.allCases) } : []
                let ended = chance(0.9) ? at.addingTimeInterval(60 + random.unit() * 20_000) : nil
                body = .episode(Episode(region: pick(BodyRegion.allCases), side: chance(0.3) ? pick(BodySide.allCases) : nil,
                                        severity: Severity(rawValue: Int(random.next() % 11))!,
                                        triggers: (0..<Int(random.next() % 4)).map { _ in pick(triggers) }, redFlags: flags,
                                        endedAt: ended, endedUTCOffset: ended.map { _ in offset }))
            case 4...7:
                body = .caffeine(CaffeineIntake(milligrams: Double(random.next() % 400), drink: chance(0.8) ? pick(["coffee", "espresso", "tea", label()]) : nil,
                                                servings: pick([1, 1, 2, 0.5, 3])))
            default:
                let kind = pick(TreatmentKind.allCases)
                body = .treatment(Treatment(unchecked: kind, minutes: kind.isMedicine ? nil : Int(random.next() % 60),
                                            relief: chance(0.7) ? Int(random.next() % 11) : nil, name: kind.isMedicine && chance(0.7) ? pick(names) : nil))
            }
            let entry = Entry(uuid: random.uuid(), at: at, utcOffset: offset, note: note, body: body)
            if entry.episode.map({ !$0.redFlags.isEmpty }) == true, chance(0.5) { acknowledged.insert(entry.uuid) }
            entries.append(entry)
        }
        entries.sort { $0.at < $1.at }
        let kinds = Advice.Kind.allCases.filter { $0 != .dataNeeded }
        advice = (0..<pick([0, 0, 1, 3, 6, 6, 12, 25])).map { n in
            Advice(rule: Advice.Rule(rawValue: "test.rule-\(n)"), kind: pick(kinds), title: "Suggestion \(n): " + text(chance(0.3) ? 200 : 60),
                   reason: text(chance(0.5) ? 900 : 150), minimumSample: text(80))
        }
    }

    func summary() -> PeriodSummary {
        PeriodSummary(entries: entries, period: period, dayStartHour: 4, pt: PTSchedule(minutesOfDay: [480, 1080], weekdays: Set(0...6)),
                      acknowledged: acknowledged)
    }
}
