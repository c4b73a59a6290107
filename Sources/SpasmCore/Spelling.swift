/// Finds the closest known word to a misspelt one, for "did you mean …?" hints.
public enum Spelling {
    /// The candidate nearest to `word` by edit distance, if it is close enough to be a plausible typo.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let typed = Array(word.lowercased().utf8)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.utf8))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        // A prefix ("lower" for "lower-back") is a plausible intent too.
        if let prefixed = candidates.first(where: { $0.hasPrefix(word.lowercased()) && !word.isEmpty }) {
            return prefixed
        }
        guard let best, best.distance <= max(2, typed.count / 3) else { return nil }
        return best.candidate
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension InputError {
    /// "unknown region 'lower-bak'; did you mean lower-back?" with the full list when nothing is close.
    public static func unknown(_ parameter: String, _ value: String, among known: [String]) -> InputError {
        if let near = Spelling.nearest(to: value, in: known) {
            return InputError(parameter, "unknown \(parameter) '\(value)'", hint: "did you mean \(near)?")
        }
        return InputError(parameter, "unknown \(parameter) '\(value)'", hint: "one of: \(known.joined(separator: ", "))")
    }
}
