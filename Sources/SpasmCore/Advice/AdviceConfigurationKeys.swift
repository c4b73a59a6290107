/// The `[advice]` and `[pt]` keys, in the order of the shipped file.
extension ConfigurationKeys {
    static let adviceKeys: [Key] = [
        integer("advice.window_days", 7...3_650, \.advice.windowDays),
        integer("advice.not_improving_weeks", 1...52, \.advice.notImprovingWeeks),
        integer("advice.episode_free_gap_days", 1...365, \.advice.episodeFreeGapDays),
        integer("advice.frequent_episodes_per_week", 1...1_000, \.advice.frequentEpisodesPerWeek),
        integer("advice.frequent_weeks", 1...52, \.advice.frequentWeeks),
        integer("advice.severe_level", 0...10, \.advice.severeLevel),
        integer("advice.severe_count", 1...1_000, \.advice.severeCount),
        integer("advice.severe_window_days", 1...365, \.advice.severeWindowDays),
        integer("advice.nsaid_days", 0...365, \.advice.nsaidDays),
        integer("advice.nsaid_window_days", 1...365, \.advice.nsaidWindowDays),
        integer("advice.muscle_relaxant_days", 0...365, \.advice.muscleRelaxantDays),
        integer("advice.muscle_relaxant_window_days", 1...365, \.advice.muscleRelaxantWindowDays),
        number("advice.activity_window_hours", 0.25...48, \.advice.activityWindowHours),
        integer("advice.activity_min_times", 1...10_000, \.advice.activityMinTimes),
        integer("advice.activity_min_unexposed_windows", 1...100_000, \.advice.activityMinUnexposedWindows),
        number("advice.activity_significance", 0.0001...0.5, \.advice.activitySignificance),
        integer("advice.caffeine_min_days_each_side", 1...365, \.advice.caffeineMinDaysEachSide),
        number("advice.caffeine_min_rate_ratio", 1...100, \.advice.caffeineMinRateRatio),
        number("advice.caffeine_significance", 0.0001...0.5, \.advice.caffeineSignificance),
        number("advice.caffeine_half_life_hours", 0.5...24, \.advice.caffeineHalfLifeHours),
        integer("advice.pt_adherence_days", 1...365, \.advice.ptAdherenceDays),
        number("advice.pt_adherence_goal", 0...1, \.advice.ptAdherenceGoal),
        integer("advice.min_relief_ratings", 1...1_000, \.advice.minReliefRatings),
        string("advice.specialist_contact", \.advice.specialistContact) { text in
            guard !text.isEmpty else { return nil }
            do throws(InputError) { try TextField.validateLabel(text, parameter: "contact") } catch { return "the contact \(error.message)" }
            return nil
        },
    ]


    /// A string key; `problem` returns what is wrong with a value, or nil.
    static func string(_ key: String, _ path: WritableKeyPath<Configuration, String> & Sendable,
                       problem: @escaping @Sendable (String) -> String?) -> Key {
        Key(key: key, apply: { configuration, value in
            guard case .string(let text) = value else { return "expected a string in quotes, got \(value.tomlText)" }
            if let problem = problem(text) { return problem }
            configuration[keyPath: path] = text
            return nil
        }, show: { TOMLValue.quoted($0[keyPath: path]) })
    }

    /// An array-of-strings key; `problem` checks each element.
    static func strings(_ key: String, _ path: WritableKeyPath<Configuration, [String]> & Sendable,
                        normalize: @escaping @Sendable (String) -> String = { $0 },
                        problem: @escaping @Sendable (String) -> String?) -> Key {
        Key(key: key, apply: { configuration, value in
            guard case .array(let items) = value else { return "expected an array of strings, got \(value.tomlText)" }
            var texts: [String] = []
            for item in items {
                guard case .string(let written) = item else { return "expected an array of strings, got \(item.tomlText) in it" }
                let text = normalize(written)
                if let problem = problem(text) { return problem }
                if !texts.contains(text) { texts.append(text) }
            }
            configuration[keyPath: path] = texts
            return nil
        }, show: { "[" + $0[keyPath: path].map(TOMLValue.quoted).joined(separator: ", ") + "]" })
    }
}

extension TOMLValue {
    /// A basic TOML string holding `text`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
