/// How often a trigger came before an episode: tagged on it, or tagged on an earlier episode within the lag.
public struct TriggerFigure: Sendable, Equatable, Codable {
    public var trigger: String
    /// Episodes tagged with it.
    public var tagged: Int
    /// Episodes it came before: tagged with it, or starting within the lag after an episode tagged with
    /// it (a delayed effect).
    public var preceded: Int
    /// `preceded` as a share of all episodes in the period (0-1).
    public var share: Double
    /// Mean severity of the episodes tagged with it.
    public var meanSeverity: Double
    /// The three-hour stretch in which most of its tagged episodes started: its first hour (0-23) ...
    public var peakHour: Int
    /// ... and how many started in it.
    public var peakEpisodes: Int

    /// Every trigger in `points` (episodes in time order), the ones that preceded the most episodes first.
    static func rank(_ points: [EpisodePoint], lagSeconds: Double) -> [TriggerFigure] {
        struct Tally { var tagged = 0, preceded = 0, severity = 0, lastSeen = -Double.infinity, hours = [Int](repeating: 0, count: 24) }
        var tallies: [Tally] = [], index: [String: Int] = [:], names: [String] = []
        for point in points {
            for i in tallies.indices where point.at - tallies[i].lastSeen <= lagSeconds && !point.triggers.contains(names[i]) {
                tallies[i].preceded += 1
            }
            for trigger in point.triggers {
                let i = index[trigger] ?? {
                    index[trigger] = tallies.count
                    names.append(trigger)
                    tallies.append(Tally())
                    return tallies.count - 1
                }()
                tallies[i].tagged += 1
                tallies[i].preceded += 1
                tallies[i].severity += point.severity
                tallies[i].lastSeen = point.at
                tallies[i].hours[point.hour] += 1
            }
        }
        let total = Double(points.count)
        return zip(names, tallies).map { trigger, tally in
            var peak = 0, episodes = -1
            for hour in 0..<24 {
                let inStretch = tally.hours[hour] + tally.hours[(hour + 1) % 24] + tally.hours[(hour + 2) % 24]
                if inStretch > episodes { (peak, episodes) = (hour, inStretch) }
            }
            return TriggerFigure(trigger: trigger, tagged: tally.tagged, preceded: tally.preceded,
                                 share: Double(tally.preceded) / total,
                                 meanSeverity: Double(tally.severity) / Double(tally.tagged),
                                 peakHour: peak, peakEpisodes: episodes)
        }.sorted { ($0.preceded, $0.tagged, $1.trigger) > ($1.preceded, $1.tagged, $0.trigger) }
    }
}
