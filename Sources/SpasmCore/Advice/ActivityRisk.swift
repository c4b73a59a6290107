import Foundation

/// One thing the user did, reduced to what the comparison uses.
struct ActivityPoint: Sendable {
    var name: String
    /// Unix seconds: when it started and when it ended (the same for a moment).
    var start: Double
    var end: Double
    /// Index of its journal day in the totals.
    var day: Int
}

/// How often episodes began within a few hours after each activity, against the rest of the time the
/// user was recording, within the same person: an exposure-window incidence rate ratio.
///
/// Why this design: the journal records activities as they happen on the days the user logs them,
/// so every recorded hour is either in an activity's window or not, and episodes in both kinds of
/// time can be counted. That uses all the recorded time as the reference, where the case-crossover
/// design (Steffens et al. 2015, Arthritis Care Res 67(3):403-10) samples two control windows per
/// episode (24-26 h and 48-50 h before) because its exposures were recalled at interview; its case
/// window of 0-2 h before onset is kept here as the exposure window. Conditional on the number of
/// episodes, the count in exposed time is binomial with p = r·T₁ / (r·T₁ + T₀) for rate ratio r and
/// exposed and unexposed times T₁, T₀ (Breslow & Day 1987, vol. II, 2.4), so the Clopper-Pearson
/// interval for p gives an exact interval for r without iteration, even with a handful of episodes.
///
/// Only days with at least one activity logged count; a day with none is unknown, not "did nothing",
/// else the tags on episodes would make every tag look risky. For the same reason a tag on an
/// episode (`--trigger`) is not counted as a time the activity was done: it is written only when an
/// episode followed, so counting it would put into the exposed time exactly the times that were
/// followed by a spasm and none of those that were not (selection on the outcome; with tags drawn at
/// random, 8 of 8 activities came out "risky" in a synthetic 90-day journal). Tags are counted and
/// shown, and an activity known only from tags asks to be logged with `spasm activity`.
/// Activities are compared each on its own; Holm's correction keeps the chance of naming any
/// activity by chance at most the significance level.
public struct ActivityRisk: Sendable, Equatable, Codable {
    /// An episode starting this many hours after an activity began, or sooner, or while it lasted,
    /// counts as within its window.
    public var windowHours: Double
    /// Journal days in the period with at least one activity logged, and their hours (up to now).
    public var recordedDays: Int
    public var recordedHours: Double
    /// Episodes that started in recorded time; episodes on other days are left out.
    public var episodes: Int
    public var episodesOnUnrecordedDays: Int
    /// The significance the interval and Holm's correction use (0.05: a 95 % interval).
    public var significance: Double
    /// How many activities met the minimums and were compared (the Holm family).
    public var tested: Int
    /// Every activity in the period: those named first, then the others compared, then those below the minimums.
    public var estimates: [Estimate]

    public struct Estimate: Sendable, Equatable, Codable {
        public var activity: String
        /// Times it was logged in recorded time (`spasm activity` and episode tags) ...
        public var times: Int
        /// ... and how many of those an episode followed within the window.
        public var followed: Int
        /// Episodes in the period tagged with it (`spasm log --trigger`), recorded days or not.
        public var tags: Int
        /// Only ever a tag on an episode in the period, never logged with `spasm activity`.
        public var taggedOnly: Bool
        public var exposedEpisodes: Int
        public var exposedHours: Double
        public var unexposedEpisodes: Int
        public var unexposedHours: Double
        /// Episodes per hour within its windows over episodes per hour in the rest of the recorded
        /// time; nil when either time is empty or no episode fell outside its windows.
        public var rateRatio: Double?
        /// The exact interval at 1 - significance; `high` is nil when it has no upper bound.
        public var low: Double?
        public var high: Double?
        /// Exact two-sided p-value of "no effect", and after Holm's correction (nil when not compared).
        public var pValue: Double?
        public var adjustedPValue: Double?
        /// Enough times logged and enough unexposed time to be compared.
        public var compared: Bool
        /// Its interval excludes "no effect" after the correction, and episodes were more frequent after it.
        public var raisesRisk: Bool
    }

    /// The activities whose interval excludes "no effect" after the correction, the clearest first.
    public var named: [Estimate] { estimates.filter(\.raisesRisk) }
}

extension ActivityRisk {
    /// The comparison over the journal days from `start` to `end` (an export's period), with `end` as now.
    public init(entries: [Entry], from start: Date, to end: Date, utcOffset: Int, configuration: Configuration) {
        let hour = configuration.dayStartHour
        let first = JournalDay(start, utcOffset: utcOffset, startHour: hour)
        let last = max(first, JournalDay(end.addingTimeInterval(-1), utcOffset: utcOffset, startHour: hour))
        let totals = DailyTotals(entries: entries.filter { $0.at >= start && $0.at < end }, first: first, last: last,
                                 configuration: configuration, now: end)
        self.init(totals: totals, from: 0, configuration: configuration)
    }

    /// The comparison over days `start...` of `totals`, up to the instant they were made at.
    init(totals: DailyTotals, from start: Int, configuration: Configuration) {
        let settings = configuration.advice
        let window = settings.activityWindowHours * 3600
        let nowSeconds = totals.now
        windowHours = settings.activityWindowHours
        significance = settings.activitySignificance

        // Recorded time: whole journal days with an activity logged (23 or 25 hours when the clock
        // changes), today only up to now. A day belongs where its entries' local times put it, so an
        // episode counts as recorded by its day, as the user would count it.
        var recorded: [(start: Double, end: Double)] = []
        var days = 0
        for day in start..<totals.dayCount where totals.activityLogged[day] {
            guard let bounds = totals.bounds(ofDay: day, startHour: configuration.dayStartHour), bounds.start < nowSeconds else { continue }
            days += 1
            // An hour a clock change leaves claimed by two days is counted once.
            let from = max(bounds.start, recorded.last?.end ?? -.infinity), to = min(bounds.end, nowSeconds)
            if to > from { recorded.append((from, to)) }
        }
        recordedDays = days
        let recordedSeconds = recorded.reduce(0) { $0 + $1.end - $1.start }
        recordedHours = recordedSeconds / 3600

        var onsets: [Double] = [], outside = 0
        for point in totals.points where point.day >= start && point.at <= nowSeconds {
            if totals.activityLogged[point.day] { onsets.append(point.at) } else { outside += 1 }
        }
        episodes = onsets.count
        episodesOnUnrecordedDays = outside

        // Each activity's times: the logged ones only (tags are outcome-selected, see above).
        var occurrences: [String: [(start: Double, end: Double)]] = [:]
        var logged = Set<String>()
        for point in totals.activities where point.day >= start && point.start <= nowSeconds {
            occurrences[point.name, default: []].append((point.start, point.end))
            logged.insert(point.name)
        }
        for name in occurrences.keys { occurrences[name]!.sort { $0.start < $1.start } }
        var tags: [String: Int] = [:]
        for point in totals.points where point.day >= start && point.at <= nowSeconds {
            for tag in point.triggers {
                tags[tag, default: 0] += 1
                if occurrences[tag] == nil { occurrences[tag] = [] }
            }
        }

        var estimates = occurrences.map { name, times in
            Self.estimate(name, times: times, tags: tags[name] ?? 0, taggedOnly: !logged.contains(name), window: window, recorded: recorded,
                          recordedSeconds: recordedSeconds, onsets: onsets, settings: settings)
        }
        let compared = estimates.indices.filter { estimates[$0].compared }
        tested = compared.count
        let adjusted = ExactBinomial.holm(compared.map { estimates[$0].pValue ?? 1 })
        for (index, p) in zip(compared, adjusted) {
            estimates[index].adjustedPValue = p
            let e = estimates[index]
            estimates[index].raisesRisk = p <= significance && (e.low ?? 0) > 1
        }
        self.estimates = estimates.sorted { a, b in
            func rank(_ e: Estimate) -> Int { e.raisesRisk ? 0 : e.compared ? 1 : 2 }
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.compared { return (a.adjustedPValue ?? 1, -(a.rateRatio ?? .infinity), a.activity) < (b.adjustedPValue ?? 1, -(b.rateRatio ?? .infinity), b.activity) }
            return (-a.times, -a.tags, a.activity) < (-b.times, -b.tags, b.activity)
        }
    }

    private static func estimate(_ name: String, times: [(start: Double, end: Double)], tags: Int, taggedOnly: Bool, window: Double,
                                 recorded: [(start: Double, end: Double)], recordedSeconds: Double, onsets: [Double],
                                 settings: AdviceSettings) -> Estimate {
        // Its windows, merged where they overlap.
        var merged: [(start: Double, end: Double)] = []
        for time in times {
            let end = time.end + window
            if let last = merged.last, time.start <= last.end { merged[merged.count - 1].end = max(last.end, end) }
            else { merged.append((time.start, end)) }
        }
        var exposedSeconds = 0.0, r = 0
        for span in merged {
            while r < recorded.count, recorded[r].end <= span.start { r += 1 }
            var k = r
            while k < recorded.count, recorded[k].start < span.end {
                exposedSeconds += max(0, min(span.end, recorded[k].end) - max(span.start, recorded[k].start))
                k += 1
            }
        }
        var exposed = 0, m = 0
        for onset in onsets {
            while m < merged.count, merged[m].end < onset { m += 1 }
            if m < merged.count, merged[m].start <= onset { exposed += 1 }
        }
        var count = 0, followed = 0
        // Every logged time is on a recorded day: logging it made the day one.
        for time in times {
            count += 1
            let next = firstIndex(in: onsets, where: { $0 >= time.start })
            if next < onsets.count, onsets[next] <= time.end + window { followed += 1 }
        }
        let t1 = exposedSeconds, t0 = recordedSeconds - exposedSeconds
        let e1 = exposed, e0 = onsets.count - exposed
        var estimate = Estimate(activity: name, times: count, followed: followed, tags: tags, taggedOnly: taggedOnly,
                                exposedEpisodes: e1, exposedHours: t1 / 3600, unexposedEpisodes: e0, unexposedHours: t0 / 3600,
                                rateRatio: nil, low: nil, high: nil, pValue: nil, adjustedPValue: nil,
                                compared: false, raisesRisk: false)
        guard t1 > 0, t0 > 0 else { return estimate }
        if e0 > 0 { estimate.rateRatio = (Double(e1) / t1) / (Double(e0) / t0) }
        let n = e1 + e0
        if n > 0 {
            // p = r·T₁ / (r·T₁ + T₀), so r = p / (1 - p) · T₀ / T₁.
            let p = ExactBinomial.interval(e1, of: n, level: 1 - settings.activitySignificance)
            estimate.low = p.low / (1 - p.low) * t0 / t1
            estimate.high = p.high < 1 ? p.high / (1 - p.high) * t0 / t1 : nil
            estimate.pValue = ExactBinomial.twoSidedP(e1, of: n, p: t1 / (t1 + t0))
        }
        estimate.compared = n > 0 && count >= settings.activityMinTimes
            && t0 >= Double(settings.activityMinUnexposedWindows) * window
        return estimate
    }

    /// The first index whose element satisfies `predicate`, which must be false then true along the array.
    static func firstIndex<T>(in items: [T], where predicate: (T) -> Bool) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if predicate(items[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
