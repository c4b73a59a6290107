extension AdviceWindow {
    /// Red flags logged in the advice window that the user has not acknowledged: urgent care now, or a
    /// doctor soon, repeated until acknowledged (wording: NHS / NICE CKS, as in `RedFlag`).
    func redFlags(acknowledged: Set<EntryID>) -> [Advice] {
        let flagged = totals.points.filter { point in
            point.day >= start && !point.redFlags.isEmpty && !(point.id.map(acknowledged.contains) ?? false)
        }.reversed()
        var advice: [Advice] = []
        for urgency in [RedFlag.Urgency.now, .soon] {
            let episodes = flagged.filter { $0.redFlags.contains { $0.urgency == urgency } }
            guard let latest = episodes.first else { continue }
            var symptoms: [RedFlag] = []
            for point in episodes { for flag in point.redFlags where flag.urgency == urgency && !symptoms.contains(flag) { symptoms.append(flag) } }
            let when = CivilTime(.init(timeIntervalSince1970: latest.at), utcOffset: latest.utcOffset).short
            let logged = "You logged \(Self.list(symptoms.map(\.symptom))) (latest: \(when)"
                + (latest.id.map { ", episode #\($0)" } ?? "") + ")."
            let figures = [Advice.Figure("episodes", Double(episodes.count))]
                + symptoms.map { Advice.Figure("logged", 1, subject: $0.rawValue) }
            if urgency == .now {
                advice.append(Advice(
                    rule: .urgentRedFlag, kind: .urgent, title: "Get medical help now: you logged a red flag",
                    reason: logged + " With neck or back pain this needs to be seen today: call your local emergency number,"
                        + " or go to an emergency department or urgent care now. This stays on top until you acknowledge it.",
                    minimumSample: "one red flag is enough", evidence: figures, entries: episodes.compactMap(\.id)))
            } else {
                advice.append(Advice(
                    rule: .soonRedFlag, kind: .doctorSoon, title: "See a doctor soon about what you logged",
                    reason: logged + " Book an appointment within the next few days and mention it; if it gets worse,"
                        + " seek care sooner. This stays on top until you acknowledge it.",
                    minimumSample: "one such symptom is enough", evidence: figures, entries: episodes.compactMap(\.id)))
            }
        }
        return advice
    }

    /// "a, b and c"
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: "; ") + " and " + words.last!
    }
}
