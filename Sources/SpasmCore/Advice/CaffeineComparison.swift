import Foundation

/// Episodes on days above the personal caffeine target against days at or below it.
///
/// Only complete days count (today is still going), from the first day anything was logged; a day
/// with no caffeine logged counts as 0 mg.
public struct CaffeineComparison: Sendable, Equatable, Codable {
    public var targetMg: Double
    public var daysAbove: Int
    public var daysBelow: Int
    public var episodesAbove: Int
    public var episodesBelow: Int
    /// Episodes a day on each kind of day; nil without such days.
    public var rateAbove: Double?
    public var rateBelow: Double?
    /// `rateAbove / rateBelow`; nil when either is missing or the rate below is 0.
    public var rateRatio: Double?
    /// Chance of at least `episodesAbove` of all these episodes falling on days above the target if
    /// caffeine made no difference (exact binomial upper tail, episodes shared in proportion to days).
    public var pValue: Double?
    /// Both sides have the minimum number of days.
    public var enoughDays: Bool
    /// Enough days, a rate ratio at or above the minimum and a p-value at or below the significance.
    public var showsEffect: Bool

    init(totals: DailyTotals, from start: Int, configuration: Configuration) {
        let settings = configuration.advice
        targetMg = configuration.caffeineDailyTargetMg
        let logged = totals.firstLogged.map { $0.dayNumber - totals.first.dayNumber } ?? totals.dayCount
        var daysAbove = 0, daysBelow = 0, episodesAbove = 0, episodesBelow = 0
        let first = max(start, logged)
        for day in first..<max(first, totals.dayCount - 1) {
            if totals.caffeineMg[day] > targetMg {
                daysAbove += 1
                episodesAbove += totals.episodes[day]
            } else {
                daysBelow += 1
                episodesBelow += totals.episodes[day]
            }
        }
        self.daysAbove = daysAbove
        self.daysBelow = daysBelow
        self.episodesAbove = episodesAbove
        self.episodesBelow = episodesBelow
        let rateAbove = daysAbove > 0 ? Double(episodesAbove) / Double(daysAbove) : nil
        let rateBelow = daysBelow > 0 ? Double(episodesBelow) / Double(daysBelow) : nil
        (self.rateAbove, self.rateBelow) = (rateAbove, rateBelow)
        let rateRatio = rateAbove.flatMap { above in rateBelow.flatMap { $0 > 0 ? above / $0 : nil } }
        self.rateRatio = rateRatio
        let pValue = daysAbove > 0 && daysBelow > 0
            ? Self.binomialUpperTail(atLeast: episodesAbove, of: episodesAbove + episodesBelow,
                                     p: Double(daysAbove) / Double(daysAbove + daysBelow))
            : nil
        self.pValue = pValue
        enoughDays = daysAbove >= settings.caffeineMinDaysEachSide && daysBelow >= settings.caffeineMinDaysEachSide
        let ratioHigh = rateRatio.map { $0 >= settings.caffeineMinRateRatio } ?? (episodesBelow == 0 && episodesAbove > 0)
        showsEffect = enoughDays && ratioHigh && (pValue ?? 1) <= settings.caffeineSignificance
    }

    /// P(X >= k) for X ~ Binomial(n, p), summed in log space so large n stays exact enough.
    static func binomialUpperTail(atLeast k: Int, of n: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        let logP = log(p), logQ = log1p(-p)
        var total = 0.0
        for x in k...n {
            let logChoose = lgamma(Double(n + 1)) - lgamma(Double(x + 1)) - lgamma(Double(n - x + 1))
            total += exp(logChoose + Double(x) * logP + Double(n - x) * logQ)
        }
        return min(1, total)
    }
}
