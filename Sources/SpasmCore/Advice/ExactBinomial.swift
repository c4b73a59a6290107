import Foundation

/// Exact binomial tails, the Clopper-Pearson interval and Holm's step-down correction: what the
/// activity comparison needs to give an interval that holds with few episodes.
enum ExactBinomial {
    /// P(X ≥ k) for X ~ Binomial(n, p), as the regularized incomplete beta I_p(k, n - k + 1).
    static func upperTail(atLeast k: Int, of n: Int, p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n || p <= 0 { return 0 }
        if p >= 1 { return 1 }
        return regularizedBeta(p, a: Double(k), b: Double(n - k + 1))
    }

    /// P(X ≤ k) for X ~ Binomial(n, p).
    static func lowerTail(atMost k: Int, of n: Int, p: Double) -> Double {
        1 - upperTail(atLeast: k + 1, of: n, p: p)
    }

    /// The two-sided exact p-value that matches the central Clopper-Pearson interval: the interval at
    /// level 1 - α leaves out `p` exactly when this is below α.
    static func twoSidedP(_ k: Int, of n: Int, p: Double) -> Double {
        min(1, 2 * min(upperTail(atLeast: k, of: n, p: p), lowerTail(atMost: k, of: n, p: p)))
    }

    /// The Clopper-Pearson interval for the success probability after `k` successes in `n` trials:
    /// each end is where the tail on its side equals (1 - level) / 2.
    static func interval(_ k: Int, of n: Int, level: Double) -> (low: Double, high: Double) {
        let tail = (1 - level) / 2
        let low = k == 0 ? 0 : solve(increasing: { upperTail(atLeast: k, of: n, p: $0) }, equals: tail)
        let high = k == n ? 1 : solve(increasing: { 1 - lowerTail(atMost: k, of: n, p: $0) }, equals: 1 - tail)
        return (low, high)
    }

    /// Holm's step-down adjusted p-values (Holm 1979), in the order given: the family-wise error stays
    /// at most α when each hypothesis is rejected at adjusted p ≤ α.
    static func holm(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        var adjusted = pValues
        var running = 0.0
        for (rank, index) in pValues.indices.sorted(by: { (pValues[$0], $0) < (pValues[$1], $1) }).enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Where an increasing function on [0, 1] reaches `target`, by bisection (60 halvings: below 1e-15).
    private static func solve(increasing f: (Double) -> Double, equals target: Double) -> Double {
        var low = 0.0, high = 1.0
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if f(mid) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// I_x(a, b) by its continued fraction (Numerical Recipes 6.4, modified Lentz), taken on the side
    /// where it converges fast.
    static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return h
    }
}
