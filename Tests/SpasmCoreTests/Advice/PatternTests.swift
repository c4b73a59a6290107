import Foundation
import Testing
@testable import SpasmCore

/// Synthetic journals with a known answer: the advisor must find what was put in, and nothing else.
@Suite struct PatternTests {
    func journal(_ pattern: PatternedJournal.Pattern, seed: UInt64) -> [Entry] {
        PatternedJournal(pattern, seed: seed, today: Clock.today).entries()
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func aCaffeineDrivenJournalYieldsTheCaffeineSuggestion(seed: UInt64) throws {
        let entries = journal(.caffeineDriven, seed: seed)
        let advice = try #require(advise(entries).first(.caffeine))
        #expect(advice.kind == .modify)
        // Recount from the raw rows: complete days before today from the first day anything was logged in
        // the 90-day window, above or at/below 200 mg.
        var mg: [Int: Double] = [:], episodes: [Int: Int] = [:]
        for entry in entries {
            let day = JournalDay(entry.at, utcOffset: entry.utcOffset, startHour: 4).dayNumber
            if let c = entry.caffeine { mg[day, default: 0] += c.milligrams }
            if entry.episode != nil { episodes[day, default: 0] += 1 }
        }
        let window = (Clock.today.dayNumber - 89)..<Clock.today.dayNumber
        let logged = Set(entries.map { JournalDay($0.at, utcOffset: $0.utcOffset, startHour: 4).dayNumber })
        let days = window.drop { !logged.contains($0) }
        let above = days.filter { mg[$0, default: 0] > 200 }, below = days.filter { mg[$0, default: 0] <= 200 }
        let episodesAbove = above.reduce(0) { $0 + episodes[$1, default: 0] }
        let episodesBelow = below.reduce(0) { $0 + episodes[$1, default: 0] }
        #expect(advice.figure("days_above") == Double(above.count))
        #expect(advice.figure("days_below") == Double(below.count))
        #expect(advice.figure("episodes_above") == Double(episodesAbove))
        #expect(advice.figure("episodes_below") == Double(episodesBelow))
        #expect(advice.figure("rate_above") == Double(episodesAbove) / Double(above.count))
        #expect(advice.figure("rate_below") == Double(episodesBelow) / Double(below.count))
        #expect(advice.reason.hasPrefix("On \(above.count) days above 200 mg you had"))
        // The level now: every intake halved every 5 hours.
        let level = entries.compactMap { e in e.caffeine.map { $0.milligrams * pow(0.5, Clock.now.timeIntervalSince(e.at) / 18_000) } }.reduce(0, +)
        #expect(abs(advice.figure("level_mg")! - level) < 1e-9)
    }

    @Test func aJournalWithNoRelationYieldsNoCaffeineSuggestionInAtLeast95Of100Runs() {
        let flagged = (1...100 as ClosedRange<UInt64>).filter { seed in
            advise(journal(.noRelation, seed: seed)).first(.caffeine) != nil
        }
        #expect(flagged.count <= 5, "caffeine suggested for seeds \(flagged)")
    }
}
