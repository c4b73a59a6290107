import Foundation
import Testing
@testable import SpasmCore

/// The activity comparison on seeded synthetic journals with a known answer, each number recounted
/// here from the raw entries.
@Suite struct ActivityRiskTests {
    func journal(seed: UInt64, risky: String?, tagsOnly: Bool = false) -> [Entry] {
        var journal = ActivityJournal(seed: seed, risky: risky, today: Clock.today)
        journal.tagsOnly = tagsOnly
        return journal.entries()
    }

    func risk(_ entries: [Entry]) -> ActivityRisk {
        Advisor(configuration: .defaults).statistics(entries: entries, now: Clock.now, calendar: Clock.calendar).activities
    }

    @Test func withActivitiesUnrelatedToTheEpisodesNoActivityIsNamedInAtLeast95Of100Journals() {
        var named: [UInt64: [String]] = [:]
        var shapes = Set<Int>()
        for seed in 1...100 as ClosedRange<UInt64> {
            let entries = journal(seed: seed, risky: nil)
            let advice = advise(entries)
            let activities = advice.filter { $0.rule == .activity }.map(\.title)
            if !activities.isEmpty { named[seed] = activities }
            // The comparison ran: no activity is named because none stood out, not for want of data.
            let r = risk(entries)
            #expect(r.tested >= 6, "seed \(seed): \(r.tested) compared")
            let shape = ActivityJournal(seed: seed, risky: nil, today: Clock.today).shape
            shapes.insert(shape.activities.count)
            #expect((90...120).contains(shape.days))
        }
        #expect(named.count <= 5, "named in \(named)")
        #expect(shapes == [6, 7, 8])
    }

    @Test func anActivityThatTriplesTheRateIsNamedFirstAndItsIntervalCoversTheTruth() {
        var first = 0, covered = 0
        for seed in 1...100 as ClosedRange<UInt64> {
            let entries = journal(seed: seed, risky: "lifting")
            let advice = advise(entries)
            let named = advice.filter { $0.rule == .activity }
            if named.first?.title.hasPrefix("Pace or change lifting:") == true, named.first?.kind == .modify { first += 1 }
            let lifting = risk(entries).estimates.first { $0.activity == "lifting" }!
            if let low = lifting.low, let high = lifting.high, low <= 3, 3 <= high { covered += 1 }
        }
        #expect(first >= 90, "named first in \(first) of 100")
        #expect(covered >= 90, "interval covered 3 in \(covered) of 100")
    }

    @Test func theSuggestionReadsAsTheEstimateWithItsIntervalAndCounts() throws {
        let entries = journal(seed: 7, risky: "lifting")
        let advice = try #require(advise(entries).first(.activity))
        let lifting = risk(entries).estimates.first { $0.activity == "lifting" }!
        let ratio = try #require(advice.figure("rate_ratio", subject: "lifting"))
        let low = try #require(advice.figure("ci_low", subject: "lifting"))
        let high = try #require(advice.figure("ci_high", subject: "lifting"))
        #expect(advice.kind == .modify)
        #expect(advice.title.contains("lifting"))
        #expect(advice.reason.hasPrefix("Your spasms came \(AdviceText.decimal(ratio)) times as often within 2 h after lifting "
            + "(95% CI \(AdviceText.decimal(low))-\(AdviceText.decimal(high)); \(lifting.followed) of \(lifting.times) times)."))
        #expect(advice.figure("exposed_episodes", subject: "lifting") == Double(lifting.exposedEpisodes))
        #expect(advice.figure("times", subject: "lifting") == Double(lifting.times))
        for text in [advice.title, advice.reason] { #expect(!text.lowercased().contains("cause")) }
    }

    @Test(arguments: [(1, nil), (2, "lifting"), (3, nil), (4, "lifting"), (5, "lifting")] as [(UInt64, String?)])
    func everyNumberMatchesARecountFromTheRawEntries(seed: UInt64, risky: String?) throws {
        let entries = journal(seed: seed, risky: risky)
        let r = risk(entries)
        let window = 2 * 3600.0
        // The advice window: journal days today-89 ... today, each from 04:00 at UTC+1; now is 20:00 today.
        let firstDay = Clock.today.dayNumber - 89
        func dayNumber(_ e: Entry) -> Int { JournalDay(e.at, utcOffset: e.utcOffset, startHour: 4).dayNumber }
        let inPeriod = entries.filter { dayNumber($0) >= firstDay && $0.at <= Clock.now }
        let recordedDays = Set(inPeriod.filter { $0.activity != nil }.map(dayNumber))
        #expect(r.recordedDays == recordedDays.count)
        // Minute by minute: which minutes were recorded.
        let startMinute = (firstDay * 86_400 + 4 * 3600 - 3600) / 60
        let nowMinute = Int(Clock.now.timeIntervalSince1970) / 60
        var recorded = [Bool](repeating: false, count: nowMinute - startMinute)
        for day in recordedDays {
            let from = (day * 86_400 + 4 * 3600 - 3600) / 60 - startMinute
            for m in from..<min(from + 1440, recorded.count) { recorded[m] = true }
        }
        let recordedMinutes = recorded.filter { $0 }.count
        #expect(abs(r.recordedHours - Double(recordedMinutes) / 60) < 1e-9)
        let episodes = inPeriod.filter { $0.episode != nil && recordedDays.contains(dayNumber($0)) }
        #expect(r.episodes == episodes.count)
        #expect(r.episodesOnUnrecordedDays == inPeriod.filter { $0.episode != nil }.count - episodes.count)

        var pValues: [String: Double] = [:]
        for estimate in r.estimates {
            let times = inPeriod.filter { $0.activity?.name == estimate.activity }
            func end(_ e: Entry) -> Double { e.at.timeIntervalSince1970 + Double(e.activity!.minutes ?? 0) * 60 + window }
            var exposedMinute = [Bool](repeating: false, count: recorded.count)
            for t in times {
                let from = Int(t.at.timeIntervalSince1970) / 60 - startMinute, to = Int(end(t)) / 60 - startMinute
                for m in max(0, from)..<min(to, recorded.count) { exposedMinute[m] = true }
            }
            let t1 = Double(zip(exposedMinute, recorded).filter { $0 && $1 }.count) * 60
            let t0 = Double(recordedMinutes) * 60 - t1
            let e1 = episodes.filter { e in times.contains { $0.at <= e.at && e.at.timeIntervalSince1970 <= end($0) } }.count
            let e0 = episodes.count - e1
            let recordedTimes = times.filter { recordedDays.contains(dayNumber($0)) }
            let followed = recordedTimes.filter { t in episodes.contains { t.at <= $0.at && $0.at.timeIntervalSince1970 <= end(t) } }.count
            #expect(estimate.times == recordedTimes.count, "\(estimate.activity)")
            #expect(estimate.followed == followed, "\(estimate.activity)")
            #expect(estimate.exposedEpisodes == e1 && estimate.unexposedEpisodes == e0, "\(estimate.activity)")
            #expect(abs(estimate.exposedHours - t1 / 3600) < 1e-9 && abs(estimate.unexposedHours - t0 / 3600) < 1e-9, "\(estimate.activity)")
            let ratio = try #require(estimate.rateRatio)
            #expect(abs(ratio - (Double(e1) / t1) / (Double(e0) / t0)) < 1e-9)
            // The exact test and interval, from binomial probabilities summed term by term.
            let n = e1 + e0, p0 = t1 / (t1 + t0)
            func pmf(_ x: Int, _ p: Double) -> Double {
                exp(lgamma(Double(n + 1)) - lgamma(Double(x + 1)) - lgamma(Double(n - x + 1)) + Double(x) * log(p) + Double(n - x) * log1p(-p))
            }
            func atLeast(_ k: Int, _ p: Double) -> Double { (k...n).reduce(0) { $0 + pmf($1, p) } }
            func atMost(_ k: Int, _ p: Double) -> Double { (0...k).reduce(0) { $0 + pmf($1, p) } }
            let p = min(1, 2 * min(atLeast(e1, p0), atMost(e1, p0)))
            #expect(abs(try #require(estimate.pValue) - p) < 1e-9, "\(estimate.activity)")
            pValues[estimate.activity] = p
            // At each end of the interval the tail on its side is 2.5 %.
            func share(_ rateRatio: Double) -> Double { rateRatio * t1 / (rateRatio * t1 + t0) }
            if e1 > 0 { #expect(abs(atLeast(e1, share(try #require(estimate.low))) - 0.025) < 1e-7, "\(estimate.activity)") }
            #expect(abs(atMost(e1, share(try #require(estimate.high))) - 0.025) < 1e-7, "\(estimate.activity)")
            #expect(estimate.compared == (recordedTimes.count >= 5 && t0 >= 24 * window))
        }
        // Holm: the k-th smallest of m p-values times (m - k + 1), never below the one before.
        let compared = r.estimates.filter(\.compared).sorted { pValues[$0.activity]! < pValues[$1.activity]! }
        var running = 0.0
        for (k, estimate) in compared.enumerated() {
            running = max(running, min(1, Double(compared.count - k) * pValues[estimate.activity]!))
            #expect(abs(try #require(estimate.adjustedPValue) - running) < 1e-9)
            #expect(estimate.raisesRisk == (running <= 0.05 && estimate.low! > 1))
        }
    }

    @Test func withOnlyEpisodeTagsNothingIsClaimedAndTheAdviceSaysWhatToLog() throws {
        for seed in 1...10 as ClosedRange<UInt64> {
            let entries = journal(seed: seed, risky: "lifting", tagsOnly: true)
            #expect(entries.allSatisfy { $0.activity == nil })
            #expect(entries.contains { $0.episode?.triggers.contains("lifting") == true })
            let advice = advise(entries)
            #expect(!advice.contains { $0.rule == .activity || $0.kind == .modify && $0.title.contains("lifting") }, "\(advice.map(\.title))")
            let needed = try #require(advice.first(.activitiesNeeded))
            #expect(needed.kind == .dataNeeded)
            #expect(needed.reason.contains("`spasm activity "), "\(needed.reason)")
            #expect(needed.reason.contains("on days without spasms as well"))
            #expect(needed.figure("recorded_days") == 0)
            let r = risk(entries)
            #expect(r.tested == 0 && r.named.isEmpty && r.estimates.allSatisfy(\.taggedOnly))
        }
    }

    @Test func aTagIsCountedButIsNotATimeTheActivityWasDone() throws {
        var journal = JournalBuilder()
        // Day 3: desk work logged, so the day is recorded; an episode tagged "lifting" at 14:00.
        journal.add(Clock.at(daysBack: 3, hour: 9), .activity(Activity(unchecked: "desk work", minutes: 60)))
        journal.episode(daysBack: 3, hour: 14, triggers: ["lifting"])
        // Day 2: nothing logged, so its tagged episode is unknown time.
        journal.episode(daysBack: 2, hour: 14, triggers: ["lifting"])
        let r = risk(journal.entries)
        #expect(r.recordedDays == 1 && r.episodes == 1 && r.episodesOnUnrecordedDays == 1)
        let lifting = try #require(r.estimates.first { $0.activity == "lifting" })
        // Written only because an episode followed: counting it would select on the outcome.
        #expect(lifting.taggedOnly && lifting.tags == 2)
        #expect((lifting.times, lifting.followed, lifting.exposedEpisodes) == (0, 0, 0))
        #expect(lifting.exposedHours == 0)
        let desk = try #require(r.estimates.first { $0.activity == "desk work" })
        #expect(desk.exposedHours == 3 && desk.exposedEpisodes == 0)   // 09:00 to 10:00, then 2 h
        #expect(!lifting.compared && !desk.compared)
    }

    /// An entry at `hour:minute` local time at UTC `offset` on the journal day `daysBack` before today
    /// (hours below 4 belong to the next date), as a user on summer or winter time logs it.
    func entry(_ daysBack: Int, _ hour: Int, _ minute: Int = 0, offset: Int, _ body: Entry.Body, id: EntryID) -> Entry {
        let date = Clock.today.dayNumber - daysBack + (hour < 4 ? 1 : 0)
        return Entry(id: id, at: Date(timeIntervalSince1970: Double(date * 86_400 + hour * 3600 + minute * 60 - offset)),
                     utcOffset: offset, body: body)
    }

    var deskWork: Entry.Body { .activity(Activity(unchecked: "desk work", minutes: 60)) }
    var spasm: Entry.Body { .episode(Episode(region: .lowerBack, severity: Severity(rawValue: 5)!, triggers: [], redFlags: [])) }

    @Test func theDayTheClockFallsBackHas25RecordedHoursAndItsLastHourCounts() {
        // Summer time (UTC+2) until 03:00 in the night after day 10, then UTC+1: 03:30 is still day
        // 10, in its 25th hour.
        let entries = [entry(10, 9, offset: 7200, deskWork, id: 1), entry(10, 3, 30, offset: 3600, spasm, id: 2)]
        let r = risk(entries)
        #expect(r.recordedDays == 1 && r.recordedHours == 25)
        #expect(r.episodes == 1 && r.episodesOnUnrecordedDays == 0)
    }

    @Test func theDayTheClockSpringsForwardHas23RecordedHoursAndNoHourCountsTwice() {
        // Winter time (UTC+1) until 02:00 in the night after day 20, then UTC+2; day 19 is recorded too.
        let spring = [entry(20, 9, offset: 3600, deskWork, id: 1), entry(20, 3, 30, offset: 7200, spasm, id: 2),
                      entry(19, 9, offset: 7200, deskWork, id: 3)]
        let r = risk(spring)
        #expect(r.recordedDays == 2 && r.recordedHours == 23 + 24)
        #expect(r.episodes == 1 && r.episodesOnUnrecordedDays == 0)
        // With no entry after the change on day 20, its end is read at winter time: the hour both
        // days then claim is counted once.
        #expect(risk(spring.filter { $0.id != 2 }).recordedHours == 23 + 24)
    }

    @Test func withRandomTagsOnTheEpisodesTooNoActivityIsNamedInAtLeast95Of100Journals() {
        // The null journals again, each episode now tagged with one of the activities at random, as
        // a user answering "what came before" would: a tag must not make its activity look risky.
        var named: [UInt64: [String]] = [:]
        for seed in 1...100 as ClosedRange<UInt64> {
            var random = SplitMix64(seed: seed &+ 1000)
            var entries = journal(seed: seed, risky: nil)
            let names = Array(Set(entries.compactMap { entry -> String? in
                if case .activity(let a) = entry.body { a.name } else { nil }
            })).sorted()
            for index in entries.indices {
                guard case .episode(var episode) = entries[index].body, !names.isEmpty else { continue }
                episode.triggers = [names[Int(random.next() % UInt64(names.count))]]
                entries[index].body = .episode(episode)
            }
            let activities = advise(entries).filter { $0.rule == .activity }.map(\.title)
            if !activities.isEmpty { named[seed] = activities }
        }
        #expect(named.count <= 5, "named in \(named)")
    }

    @Test func theExactIntervalMatchesKnownValues() {
        // Clopper-Pearson, 95 %: 0 of 10 gives [0, 1 - 0.025^(1/10)]; 5 of 10 gives [0.1871, 0.8129].
        let none = ExactBinomial.interval(0, of: 10, level: 0.95)
        #expect(none.low == 0 && abs(none.high - (1 - pow(0.025, 0.1))) < 1e-12)
        let half = ExactBinomial.interval(5, of: 10, level: 0.95)
        #expect(abs(half.low - 0.187086) < 1e-6 && abs(half.high - 0.812914) < 1e-6)
        // P(X >= 8), X ~ Binomial(10, 1/2) = 56/1024; two-sided doubles the smaller tail.
        #expect(abs(ExactBinomial.upperTail(atLeast: 8, of: 10, p: 0.5) - 56.0 / 1024) < 1e-12)
        #expect(abs(ExactBinomial.twoSidedP(8, of: 10, p: 0.5) - 112.0 / 1024) < 1e-12)
        #expect(ExactBinomial.holm([0.01, 0.04, 0.03]) == [0.03, 0.06, 0.06])
    }
}
