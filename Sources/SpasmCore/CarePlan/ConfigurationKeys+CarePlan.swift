/// The settings of the care plan: `[reminders]`, `[caffeine] cutoff_hour` and `[pt]`.
extension ConfigurationKeys {
    static let carePlan: [Key] = [
        integer("caffeine.cutoff_hour", 0...23, \.caffeineCutoffHour),
        integer("reminders.acute_window_hours", 1...24 * 14, \.reminders.acuteWindowHours),
        integer("reminders.care_days", 1...90, \.reminders.careDays),
        integer("reminders.ice_minutes", 1...60, \.reminders.iceMinutes),
        integer("reminders.ice_interval_minutes", 1...24 * 60, \.reminders.iceIntervalMinutes),
        integer("reminders.ice_daily_cap", 0...24, \.reminders.iceDailyCap),
        integer("reminders.heat_minutes", 1...60, \.reminders.heatMinutes),
        integer("reminders.heat_interval_minutes", 1...24 * 60, \.reminders.heatIntervalMinutes),
        integer("reminders.heat_daily_cap", 0...24, \.reminders.heatDailyCap),
        integer("reminders.rest_minutes", 1...60, \.reminders.restMinutes),
        integer("reminders.rest_interval_minutes", 1...24 * 60, \.reminders.restIntervalMinutes),
        integer("reminders.rest_daily_cap", 0...24, \.reminders.restDailyCap),
        integer("reminders.relief_after_minutes", 0...24 * 60, \.reminders.reliefAfterMinutes),
        time("reminders.quiet_start", \.reminders.quietStart),
        time("reminders.quiet_end", \.reminders.quietEnd),
        integer("reminders.snooze_minutes", 1...24 * 60, \.reminders.snoozeMinutes),
        integer("reminders.missed_after_minutes", 1...7 * 24 * 60, \.reminders.missedAfterMinutes),
        integer("reminders.horizon_hours", 1...7 * 24, \.reminders.horizonHours),
        Key(key: "reminders.checkin_weekday", apply: { configuration, value in
            guard case .string(let text) = value, let day = Weekday(parsing: text) else {
                return "expected a weekday such as \"sun\", got \(value.tomlText)"
            }
            configuration.reminders.checkinWeekday = day
            return nil
        }, show: { quoted($0.reminders.checkinWeekday.rawValue) }),
        time("reminders.checkin_time", \.reminders.checkinTime),
        Key(key: "pt.routine", apply: { configuration, value in
            guard case .string(let name) = value, !name.isEmpty else { return "expected a routine name in quotes, got \(value.tomlText)" }
            configuration.pt.routine = name
            return nil
        }, show: { quoted($0.pt.routine) }),
        list("pt.times", "times of day such as \"08:00\"", TimeOfDay.init(parsing:), \.pt.times, show: \.description),
        list("pt.weekdays", "weekdays such as \"mon\"", Weekday.init(parsing:), \.pt.weekdays, show: \.rawValue),
    ]

    static func time(_ key: String, _ path: WritableKeyPath<Configuration, TimeOfDay> & Sendable) -> Key {
        Key(key: key, apply: { configuration, value in
            guard case .string(let text) = value, let time = TimeOfDay(parsing: text) else {
                return "expected a time of day \"HH:MM\" from \"00:00\" to \"23:59\", got \(value.tomlText)"
            }
            configuration[keyPath: path] = time
            return nil
        }, show: { quoted($0[keyPath: path].description) })
    }

    /// An array of strings, each read by `parse`; `what` names the expected items in errors.
    static func list<T: Sendable>(_ key: String, _ what: String, _ parse: @escaping @Sendable (String) -> T?,
                                  _ path: WritableKeyPath<Configuration, [T]> & Sendable,
                                  show: KeyPath<T, String> & Sendable) -> Key {
        Key(key: key, apply: { configuration, value in
            guard case .array(let items) = value else { return "expected an array of \(what), got \(value.tomlText)" }
            var parsed: [T] = []
            for item in items {
                guard case .string(let text) = item, let one = parse(text) else {
                    return "expected an array of \(what), got \(item.tomlText) in it"
                }
                parsed.append(one)
            }
            configuration[keyPath: path] = parsed
            return nil
        }, show: { stringArray($0[keyPath: path].map { $0[keyPath: show] }) })
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func stringArray(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
}

extension LoadedConfiguration {
    /// `[pt.routines.NAME] steps = ["…", …]`: a routine of the user's own (their physiotherapist's).
    mutating func applyRoutine(_ entry: TOMLEntry, file: String) throws(ConfigurationError) {
        let name = entry.path[2]
        guard case .array(let items) = entry.value, !items.isEmpty else {
            throw ConfigurationError(file: file, line: entry.line, key: entry.dottedKey,
                                     message: "expected an array of steps in quotes, got \(entry.value.tomlText)")
        }
        var steps: [String] = []
        for item in items {
            guard case .string(let step) = item, !step.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ConfigurationError(file: file, line: entry.line, key: entry.dottedKey,
                                         message: "expected each step as text in quotes, got \(item.tomlText)")
            }
            steps.append(step)
        }
        configuration.pt.routines[name] = steps
        sources["pt.routines.\(name).steps"] = .file(file, line: entry.line)
    }

    /// The routine `[pt] routine` names must exist once the whole file is read.
    func checkRoutine(file: String) throws(ConfigurationError) {
        let pt = configuration.pt
        guard pt.routines[pt.routine] == nil else { return }
        let line: Int
        if case .file(_, let at) = source(of: "pt.routine") { line = at } else { line = 1 }
        let known = pt.routines.keys.sorted()
        throw ConfigurationError(file: file, line: line, key: "pt.routine",
                                 message: "no routine \"\(pt.routine)\"; define [pt.routines.\(pt.routine)] steps = [...] or use one of \(known.joined(separator: ", "))")
    }

    /// Rows of `settings` for the routines, after the keys.
    var routineSettings: [(key: String, value: String, source: SettingSource)] {
        configuration.pt.routines.keys.sorted().map { name in
            let key = "pt.routines.\(name).steps"
            return (key, ConfigurationKeys.stringArray(configuration.pt.routines[name]!), source(of: key))
        }
    }
}
