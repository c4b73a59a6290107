/// A configuration file that could not be used, naming the file, the line and the key.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String?
    public var message: String

    public init(file: String, line: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        if let key { return "\(file):\(line): \(key): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// Where a setting's value came from, for `spasm config show`.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    case builtIn
    case file(String, line: Int)

    public var description: String {
        switch self {
        case .builtIn: "default"
        case .file(let path, let line): "\(path):\(line)"
        }
    }
}

/// The effective configuration and where each value came from.
public struct LoadedConfiguration: Sendable {
    public var configuration: Configuration
    /// Source by dotted key; keys absent here are built-in defaults.
    public var sources: [String: SettingSource]

    public func source(of key: String) -> SettingSource { sources[key] ?? .builtIn }

    /// Every key with its value as TOML text, in the order of the shipped file.
    public var settings: [(key: String, value: String, source: SettingSource)] {
        var rows = ConfigurationKeys.all.map { ($0.key, $0.show(configuration), source(of: $0.key)) }
        for name in configuration.drinks.keys.sorted() {
            let key = "caffeine.drinks.\(name)"
            rows.append((key, CaffeineInput.format(configuration.drinks[name]!), source(of: key)))
        }
        return rows + routineSettings
    }
}

/// The keys a configuration file may set, each with its rule.
enum ConfigurationKeys {
    struct Key: Sendable {
        let key: String
        /// Applies a value, or returns what is wrong with it.
        let apply: @Sendable (inout Configuration, TOMLValue) -> String?
        let show: @Sendable (Configuration) -> String
    }

    static let all: [Key] = [
        integer("journal.day_start_hour", 0...23, \.dayStartHour),
        integer("journal.busy_timeout_ms", 0...600_000, \.busyTimeoutMilliseconds),
        number("caffeine.daily_target_mg", 0...2_000, \.caffeineDailyTargetMg),
        number("caffeine.entry_limit_mg", 1...10_000, \.caffeineEntryLimitMg),
        choice("export.paper", ["auto", "a4", "letter"], \.exportPaper),
    ] + adviceKeys + carePlan

    /// One string out of a fixed set.
    static func choice(_ key: String, _ choices: [String], _ path: WritableKeyPath<Configuration, String> & Sendable) -> Key {
        Key(key: key, apply: { configuration, value in
            guard case .string(let text) = value, choices.contains(text.lowercased()) else {
                return "expected one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), got \(value.tomlText)"
            }
            configuration[keyPath: path] = text.lowercased()
            return nil
        }, show: { "\"\($0[keyPath: path])\"" })
    }

    static func integer(_ key: String, _ range: ClosedRange<Int>, _ path: WritableKeyPath<Configuration, Int> & Sendable) -> Key {
        Key(key: key, apply: { configuration, value in
            guard case .integer(let number) = value, range.contains(number) else {
                return "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(value.tomlText)"
            }
            configuration[keyPath: path] = number
            return nil
        }, show: { String($0[keyPath: path]) })
    }

    static func number(_ key: String, _ range: ClosedRange<Double>, _ path: WritableKeyPath<Configuration, Double> & Sendable) -> Key {
        Key(key: key, apply: { configuration, value in
            guard let number = value.number, range.contains(number) else {
                return "expected a number from \(CaffeineInput.format(range.lowerBound)) to \(CaffeineInput.format(range.upperBound)), got \(value.tomlText)"
            }
            configuration[keyPath: path] = number
            return nil
        }, show: { CaffeineInput.format($0[keyPath: path]) })
    }
}

extension TOMLValue {
    var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .float(let f) where f.isFinite: f
        default: nil
        }
    }

    /// The value as the user would have written it, for error messages.
    var tomlText: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .integer(let i): String(i)
        case .float(let f): String(f)
        case .boolean(let b): String(b)
        case .array: "an array"
        case .table: "a table"
        }
    }
}

extension LoadedConfiguration {
    /// Lays `text` (a user's config.toml, read from `file`) over the defaults, key by key.
    public static func load(overriding base: Configuration = .defaults, with text: String?, file: String) throws(ConfigurationError) -> LoadedConfiguration {
        var loaded = LoadedConfiguration(configuration: base, sources: [:])
        guard let text else { return loaded }
        let document: TOMLDocument
        do { document = try TOMLDocument(parsing: text) } catch {
            throw ConfigurationError(file: file, line: error.line, key: nil, message: error.message)
        }
        let keys = Dictionary(uniqueKeysWithValues: ConfigurationKeys.all.map { ($0.key, $0) })
        for entry in document.entries {
            let name = entry.dottedKey
            if entry.path.count == 3, entry.path[0] == "caffeine", entry.path[1] == "drinks" {
                try loaded.applyDrink(entry, file: file)
            } else if entry.path.count == 4, entry.path[0] == "pt", entry.path[1] == "routines", entry.path[3] == "steps" {
                try loaded.applyRoutine(entry, file: file)
            } else if let key = keys[name] {
                if let problem = key.apply(&loaded.configuration, entry.value) {
                    throw ConfigurationError(file: file, line: entry.line, key: name, message: problem)
                }
                loaded.sources[name] = .file(file, line: entry.line)
            } else {
                let known = ConfigurationKeys.all.map(\.key) + ["caffeine.drinks.NAME", "pt.routines.NAME.steps"]
                let hint = Spelling.nearest(to: name, in: ConfigurationKeys.all.map(\.key)).map { "; did you mean \($0)?" } ?? "; known keys: \(known.joined(separator: ", "))"
                throw ConfigurationError(file: file, line: entry.line, key: name, message: "unknown key\(hint)")
            }
        }
        try loaded.checkRoutine(file: file)
        return loaded
    }

    private mutating func applyDrink(_ entry: TOMLEntry, file: String) throws(ConfigurationError) {
        let name = entry.path[2].lowercased()
        guard let mg = entry.value.number, mg >= 0, mg <= 1_000 else {
            throw ConfigurationError(file: file, line: entry.line, key: entry.dottedKey,
                                     message: "expected milligrams per serving from 0 to 1000, got \(entry.value.tomlText)")
        }
        do { try TextField.validateLabel(name, parameter: "drink") } catch {
            throw ConfigurationError(file: file, line: entry.line, key: entry.dottedKey, message: error.message)
        }
        if name.contains(where: { $0 == " " }) || Double(name) != nil {
            throw ConfigurationError(file: file, line: entry.line, key: entry.dottedKey,
                                     message: "a drink name is one word that is not a number (use a dash: iced-coffee)")
        }
        configuration.drinks[name] = mg
        sources["caffeine.drinks.\(name)"] = .file(file, line: entry.line)
    }
}
