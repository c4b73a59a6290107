import Foundation

/// Which suggestions spasmd shows as a notification: a suggestion that newly applies, once, and the
/// same one at most once a week. Red flags are not among them: the care plan alerts on those at once.
public enum SuggestionNotice {
    /// The same suggestion is not notified again within this long.
    public static let repeatAfter: TimeInterval = 7 * 86_400

    /// A suggestion's identity across runs: its rule and what it is about, never its numbers, so a
    /// trigger's share moving from 40 % to 45 % is still the same suggestion.
    public static func key(of advice: Advice) -> String {
        let subjects = Set(advice.evidence.compactMap(\.subject)).sorted()
        return ([advice.rule.rawValue] + subjects).joined(separator: "|")
    }

    /// Whether a kind of suggestion is worth a notification: what to change and when to see a
    /// specialist, not what has helped or what data is missing.
    public static func notifies(_ kind: Advice.Kind) -> Bool {
        kind == .specialist || kind == .modify
    }

    /// The suggestions to notify now.
    /// - Parameters:
    ///   - active: the keys that applied at the last review; those still applying are not new.
    ///   - notified: when each key was last notified.
    public static func due(_ advice: [Advice], active: Set<String>, notified: [String: Date], now: Date) -> [Advice] {
        advice.filter { item in
            let key = key(of: item)
            guard notifies(item.kind), !active.contains(key) else { return false }
            guard let last = notified[key] else { return true }
            return now.timeIntervalSince(last) >= repeatAfter
        }
    }
}
