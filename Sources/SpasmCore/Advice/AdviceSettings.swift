/// The thresholds behind every suggestion, with the defaults shipped in Config/spasm.toml (`[advice]`).
///
/// Each says whether it rests on guidance (CLINICAL.md names the source) or is a product choice.
public struct AdviceSettings: Sendable, Equatable {
    /// Suggestions look at this many journal days, ending today (product choice).
    public var windowDays = 90
    /// Episodes still occurring this many weeks after the first of a spell, without improving, suggest a
    /// specialist (guidance: NHS; NICE NG59: back pain not improving by 6 weeks).
    public var notImprovingWeeks = 6
    /// A spell of episodes starts after at least this many days without one (product choice).
    public var episodeFreeGapDays = 28
    /// At least this many episodes a week (product choice) ...
    public var frequentEpisodesPerWeek = 5
    /// ... for this many weeks in a row suggests a specialist (product choice).
    public var frequentWeeks = 2
    /// An episode at this severity or above counts as severe (product choice).
    public var severeLevel = 8
    /// This many severe episodes (product choice) ...
    public var severeCount = 2
    /// ... within this many days suggests a specialist (product choice).
    public var severeWindowDays = 14
    /// NSAIDs on more than this many days (guidance: OTC Drug Facts label, "not more than 10 days") ...
    public var nsaidDays = 10
    /// ... within this many days suggests talking to a doctor.
    public var nsaidWindowDays = 30
    /// Muscle relaxants on more than this many days (product choice; the source article: addictive,
    /// short courses) ...
    public var muscleRelaxantDays = 3
    /// ... within this many days suggests talking to the prescriber.
    public var muscleRelaxantWindowDays = 30
    /// An episode starting within this many hours after an activity began (or while it lasted) counts
    /// as within its window (guidance: the 0-2 h case window of Steffens et al. 2015, Arthritis Care Res
    /// 67(3):403-10, a case-crossover study of activities before acute low back pain).
    public var activityWindowHours = 2.0
    /// An activity is compared only once logged this many times on recorded days (product choice: fewer
    /// cannot give an interval narrow enough to act on) ...
    public var activityMinTimes = 5
    /// ... and with at least this many windows' worth of recorded time outside its windows (product choice).
    public var activityMinUnexposedWindows = 24
    /// The activity comparison's significance: a 1 - this interval, and Holm's correction over the
    /// activities compared keeps the chance of naming any of them by chance at or below it (product
    /// choice: the conventional 95 %).
    public var activitySignificance = 0.05
    /// The caffeine comparison needs this many complete days above and at or below the target (product choice).
    public var caffeineMinDaysEachSide = 3
    /// The caffeine suggestion needs the episode rate on days above the target to be at least this many
    /// times the rate on the other days (product choice) ...
    public var caffeineMinRateRatio = 1.25
    /// ... and an exact one-sided test (episodes split between the two kinds of day in proportion to
    /// their number under no relation) at or below this p-value (product choice).
    public var caffeineSignificance = 0.01
    /// Caffeine's half-life in hours, for the estimated level now (guidance: Institute of Medicine 2001,
    /// about 5 h, range 1.5-9.5).
    public var caffeineHalfLifeHours = 5.0
    /// PT adherence is measured over this many complete days (product choice).
    public var ptAdherenceDays = 14
    /// Adherence below this share of planned sessions brings a PT suggestion (product choice).
    public var ptAdherenceGoal = 0.8
    /// "What helps" needs this many relief ratings of a treatment (product choice).
    public var minReliefRatings = 3
    /// Who to see, in the user's words ("Dr Lee, spine clinic, 020 7946 0000"); empty: a generic
    /// orthopedic spine specialist or physiotherapist.
    public var specialistContact = ""

    public init() {}
}
