import Foundation

/// Student's t and the normal distribution: tail probabilities and quantiles, to about 1e-13,
/// for p-values and confidence intervals.
package enum StudentT {
    /// P(T > t) for Student's t with `df` degrees of freedom.
    package static func upperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 0 : 1 }
        let x = df / (df + t * t)
        let tail = 0.5 * Beta.regularized(x, df / 2, 0.5)
        return t > 0 ? tail : 1 - tail
    }

    /// The two-sided p-value of a t statistic.
    package static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        min(1, 2 * upperTail(abs(t), degreesOfFreedom: df))
    }

    /// The `p` quantile of Student's t (0 < p < 1), by bisection then Newton steps on the CDF.
    package static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1)
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: df) }
        var low = 0.0, high = 1.0
        while upperTail(high, degreesOfFreedom: df) > 1 - p { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if upperTail(middle, degreesOfFreedom: df) > 1 - p { low = middle } else { high = middle }
            if high - low < 1e-15 * max(1, high) { break }
        }
        return (low + high) / 2
    }
}

/// The standard normal distribution.
package enum Normal {
    /// P(Z <= z).
    package static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction (modified
/// Lentz; Numerical Recipes, 3rd edition, 6.4).
enum Beta {
    static func regularized(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logs: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let powers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logs + powers)
        if x < (a + 1) / (a + b + 2) { return front * fraction(x, a, b) / a }
        return 1 - front * fraction(1 - x, b, a) / b
    }

    private static func fraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
