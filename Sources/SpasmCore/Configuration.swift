/// Every setting spasm reads, with the defaults shipped in Config/spasm.toml.
///
/// The defaults live here as values so the CLI's hot path parses no file when the user has none;
/// a test holds Config/spasm.toml and these values to each other.
public struct Configuration: Sendable, Equatable {
    /// The hour a journal day starts, so a 1 am spasm counts for the evening before (product choice).
    public var dayStartHour = 4
    /// How long a command waits for another writer before it gives up (milliseconds).
    public var busyTimeoutMilliseconds = 5_000
    /// Personal daily caffeine target (mg). FDA: up to 400 mg a day for healthy adults; 200 is a
    /// product choice for people cutting down, as the source article advises.
    public var caffeineDailyTargetMg = 200.0
    /// The most caffeine one entry may hold without --force (mg): larger is almost surely a typo.
    public var caffeineEntryLimitMg = 1_000.0
    /// Milligrams of caffeine per serving, by drink name.
    public var drinks: [String: Double] = Configuration.defaultDrinks
    /// Thresholds of the suggestions (`[advice]`).
    public var advice = AdviceSettings()
    /// Paper for the PDF report: "a4", "letter", or "auto" (from the locale's LC_PAPER). Product choice.
    public var exportPaper = "auto"
    /// A drink from this local hour on gets the late-caffeine nudge (product choice; half-life ~5 h).
    public var caffeineCutoffHour = 14
    /// Care-plan timings, `[reminders]`.
    public var reminders = ReminderSettings()
    /// The PT routine reminders, `[pt]`.
    public var pt = PTSettings()

    public init() {}

    public static let defaults = Configuration()

    /// Mayo Clinic chart and FDA ranges (CLINICAL.md); a serving is 8 oz unless the name says otherwise.
    public static let defaultDrinks: [String: Double] = [
        "coffee": 96,          // brewed, 8 oz (Mayo Clinic)
        "espresso": 63,        // 1 oz shot (Mayo Clinic)
        "black-tea": 48,       // 8 oz (Mayo Clinic)
        "tea": 48,             // same as black tea
        "green-tea": 29,       // 8 oz (Mayo Clinic)
        "cola": 33,            // 12 oz can (Mayo Clinic)
        "energy-drink": 79,    // 8 oz (Mayo Clinic)
        "decaf": 7,            // 8 oz; FDA gives 2-15 mg, 7 is the middle
    ]
}

extension Configuration {
    /// The PT times as "HH:MM" text, for the advice and export code that reads them so; `pt` is the source.
    public var ptTimes: [String] {
        get { pt.times.map(\.description) }
        set { pt.times = newValue.compactMap(TimeOfDay.init(parsing:)) }
    }

    /// The PT weekdays as "mon" … "sun"; `pt` is the source.
    public var ptWeekdays: [String] {
        get { pt.weekdays.map(\.rawValue) }
        set { pt.weekdays = newValue.compactMap(Weekday.init(parsing:)) }
    }
}
