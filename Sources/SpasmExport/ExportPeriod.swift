import Foundation
import SpasmCore

/// The stretch of time an export covers: from `start` (inclusive) to `end` (exclusive).
public struct ExportPeriod: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// The UTC offset the period is shown in (the user's, when exporting).
    public var utcOffset: Int

    public init(start: Date, end: Date, utcOffset: Int) {
        self.start = start
        self.end = max(start, end)
        self.utcOffset = utcOffset
    }

    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    /// The first day shown: the date of `start`.
    public var firstDate: String { CivilTime(start, utcOffset: utcOffset).date }
    /// The last day shown: the date of the last second inside the period.
    public var lastDate: String { CivilTime(end.addingTimeInterval(-1) < start ? start : end.addingTimeInterval(-1), utcOffset: utcOffset).date }

    /// "2026-01-01 to 2026-03-31"
    public var description: String { "\(firstDate) to \(lastDate)" }

    /// Days covered, to the nearest whole day (a DST change or the current second do not add one), at least one.
    public var days: Int { max(1, Int((end.timeIntervalSince(start) / 86_400).rounded())) }
}
