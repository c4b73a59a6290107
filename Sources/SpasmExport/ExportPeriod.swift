import Foundation
import SpasmCore

/// The stretch of time an export covers: from `start` (inclusive) to `end` (exclusive).
public struct ExportPeriod: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// The user's UTC offset at `start`, which the period is shown in.
    public var utcOffset: Int
    /// The user's UTC offset at the period's last second: another than `utcOffset` when the clock
    /// changed in between, and the last day is that second's date at this offset.
    public var endUTCOffset: Int

    public init(start: Date, end: Date, utcOffset: Int, endUTCOffset: Int? = nil) {
        self.start = start
        self.end = max(start, end)
        self.utcOffset = utcOffset
        self.endUTCOffset = endUTCOffset ?? utcOffset
    }

    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    /// The first day shown: the date of `start`.
    public var firstDate: String { CivilTime(start, utcOffset: utcOffset).date }
    /// The last day shown: the date of the last second inside the period.
    public var lastDate: String { CivilTime(lastSecond, utcOffset: endUTCOffset).date }

    /// The last second inside the period (the start, for an empty one).
    public var lastSecond: Date { max(start, end.addingTimeInterval(-1)) }

    /// "2026-01-01 to 2026-03-31"
    public var description: String { "\(firstDate) to \(lastDate)" }

    /// Days covered, to the nearest whole day (a DST change or the current second do not add one), at least one.
    public var days: Int { max(1, Int((end.timeIntervalSince(start) / 86_400).rounded())) }
}
