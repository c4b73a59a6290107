/// The care-plan timings of `[reminders]` in the settings. CLINICAL.md holds the sources;
/// Config/spasm.toml says for each number whether it is guidance or a product choice.
public struct ReminderSettings: Sendable, Equatable {
    /// Ice rather than heat for this long after an episode starts (first ~48 h).
    public var acuteWindowHours = 48
    /// Sessions stop this many days after an episode started, even if it was never ended.
    public var careDays = 14
    /// One ice session (15-20 min).
    public var iceMinutes = 15
    /// From the end of one ice session to the next (20-40 min or more between sessions).
    public var iceIntervalMinutes = 60
    /// Ice sessions a day at most (up to 3-4).
    public var iceDailyCap = 4
    /// One heat session (15-20 min).
    public var heatMinutes = 15
    /// From the end of one heat session to the next.
    public var heatIntervalMinutes = 60
    /// Heat sessions a day at most.
    public var heatDailyCap = 4
    /// One supine rest break (10-30 min).
    public var restMinutes = 15
    /// From one rest break to the next.
    public var restIntervalMinutes = 120
    /// Rest breaks a day at most: short breaks, never bed rest.
    public var restDailyCap = 3
    /// The "Better / Same / Worse" question comes this long after a session ended.
    public var reliefAfterMinutes = 20
    /// Only red flags are shown from here …
    public var quietStart = TimeOfDay(hour: 22, minute: 0)!
    /// … to here (may span midnight; equal times mean no quiet hours).
    public var quietEnd = TimeOfDay(hour: 7, minute: 30)!
    /// How long Snooze puts a reminder off.
    public var snoozeMinutes = 10
    /// A reminder that fell due longer ago than this (asleep, switched off) is recorded as missed.
    public var missedAfterMinutes = 120
    /// How far ahead the plan lists reminders.
    public var horizonHours = 24
    /// The weekday and time of the weekly PEG check-in reminder (product choice: Sunday evening, when
    /// the week it asks about is complete).
    public var checkinWeekday = Weekday.sun
    public var checkinTime = TimeOfDay(hour: 18, minute: 0)!

    public init() {}
}

/// The PT routine reminders of `[pt]`: every day, not only after an episode (prevention).
public struct PTSettings: Sendable, Equatable {
    /// The routine the reminders show: a key of `routines`.
    public var routine = "low-back"
    /// When, in local time.
    public var times = [TimeOfDay(hour: 8, minute: 0)!, TimeOfDay(hour: 18, minute: 0)!]
    /// On which days.
    public var weekdays = Weekday.allCases
    /// Routines by name, each a list of steps; the user may add their physiotherapist's own.
    public var routines = PTSettings.defaultRoutines

    public init() {}

    /// The steps of the chosen routine.
    public var steps: [String] { routines[routine] ?? [] }

    /// NHS back-pain exercise leaflet (low back) and Arthritis Research UK (neck), as in CLINICAL.md.
    public static let defaultRoutines: [String: [String]] = [
        "low-back": [
            "Knee rolls, 5 times",
            "Bottom-to-heels stretch, 5 times",
            "Pelvic tilt, 5 times",
            "Bridge, 5 times",
            "Back extension, 5 times",
        ],
        "neck": [
            "Chin to chest: hold 5 s, 5 times",
            "Chin tuck: hold 5 s, 5 times",
            "Side tilt: hold 5 s, 5 times",
            "Neck turn: hold 5 s, 5 times",
            "Shoulder-blade squeezes",
        ],
    ]
}
