import Foundation

/// Reads what a user types after `spasm caffeine`: "coffee", "espresso x2", "120mg", "tea 2", "coffee 150mg".
public enum CaffeineInput {
    /// - Parameters:
    ///   - words: the positional words as typed.
    ///   - drinks: the catalogue, milligrams per serving by name.
    ///   - limit: the most one entry may hold without `force` (1,000 mg by default).
    ///   - force: accept 0 mg or an amount over the limit (the user insists it is right).
    public static func parse(_ words: [String], drinks: [String: Double], limit: Double, force: Bool) throws(InputError) -> CaffeineIntake {
        let tokens = joiningUnits(words.flatMap { $0.split(separator: " ").map(String.init) }.map { $0.lowercased() })
        guard !tokens.isEmpty else {
            throw InputError("drink", "missing", hint: "name a drink (\(drinks.keys.sorted().joined(separator: ", "))) or an amount such as 120mg")
        }
        var drink: String?
        var servings: Double?
        var amount: Double?
        for token in tokens {
            if let mg = milligrams(token) {
                guard amount == nil else { throw InputError("amount", "given twice") }
                amount = mg
            } else if let count = servingCount(token) {
                guard servings == nil else { throw InputError("servings", "given twice") }
                servings = count
            } else {
                guard drink == nil else { throw InputError("drink", "'\(drink!) \(token)' names two drinks") }
                let name = token.replacingOccurrences(of: "_", with: "-")
                guard drinks[name] != nil else { throw .unknown("drink", token, among: drinks.keys.sorted()) }
                drink = name
            }
        }
        let count = servings ?? 1
        guard count > 0, count <= 50 else {
            throw InputError("servings", "\(format(count)) is not a number of servings", hint: "use more than x0 and at most x50, such as x2 or x0.5")
        }
        let total: Double
        if let amount {
            total = amount * (drink == nil ? count : 1)
        } else if let drink, let perServing = drinks[drink] {
            total = perServing * count
        } else {
            throw InputError("drink", "missing", hint: "name a drink or an amount such as 120mg")
        }
        if !force {
            if total <= 0 {
                throw InputError("amount", "0 mg is not a caffeine intake", hint: "pass --force to record it anyway")
            }
            if total > limit {
                throw InputError("amount", "\(format(total)) mg in one entry is over the \(format(limit)) mg limit",
                                 hint: "check the amount, or pass --force if it is right")
            }
        }
        guard total >= 0, total.isFinite, total <= CaffeineIntake.hardLimitMg else {
            throw InputError("amount", "\(format(total)) mg is not an amount spasm can record", hint: "use 0 to \(Int(CaffeineIntake.hardLimitMg)) mg")
        }
        return CaffeineIntake(milligrams: total, drink: drink, servings: count)
    }

    /// "120 mg" typed as two words is one amount, "120mg" (else "30 mg" would read as 30 servings).
    static func joiningUnits(_ tokens: [String]) -> [String] {
        var joined: [String] = []
        for token in tokens {
            if token == "mg", let last = joined.last, Double(last) != nil {
                joined[joined.count - 1] = last + "mg"
            } else {
                joined.append(token)
            }
        }
        return joined
    }

    /// "120mg", "120", "95.5mg".
    static func milligrams(_ token: String) -> Double? {
        var digits = Substring(token)
        if digits.hasSuffix("mg") { digits = digits.dropLast(2) } else if drinklessNumber(digits) == nil { return nil }
        guard let value = Double(digits), value.isFinite, value >= 0 else { return nil }
        return value
    }

    // A bare number with no "x" is milligrams only when it is clearly not a serving count.
    private static func drinklessNumber(_ text: Substring) -> Double? {
        guard let value = Double(text), value > 50 else { return nil }
        return value
    }

    /// "x2", "2x", "×2", or a small bare number such as "2".
    static func servingCount(_ token: String) -> Double? {
        var text = Substring(token)
        if text.hasPrefix("x") || text.hasPrefix("×") { text = text.dropFirst() }
        else if text.hasSuffix("x") || text.hasSuffix("×") { text = text.dropLast() }
        else if let value = Double(text), value <= 50 { return value }
        else { return nil }
        return Double(text)
    }

    /// A number as a person writes it: 96, not 96.0.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
