import Foundation

/// What the user said to a reminder: through a notification's button or `spasm done|snooze|skip`.
public enum ReminderAnswer: String, Sendable, Codable, CaseIterable {
    case done, snooze, skip
    /// The relief question after a session.
    case better, same, worse

    /// The answers a kind of reminder takes, in the order its buttons show.
    public static func choices(for kind: ReminderKind) -> [ReminderAnswer] {
        switch kind {
        case .relief: [.better, .same, .worse]
        // A red flag is acknowledged, never put off.
        case .redFlag: [.done]
        // Answered by logging it (`spasm checkin`), which takes the reminder away.
        case .checkin: [.snooze, .skip]
        default: [.done, .snooze, .skip]
        }
    }

    /// The button's label for a kind ("Done", "Snooze 10 min", "Better"); nil: several kinds together.
    public func label(for kind: ReminderKind?, snoozeMinutes: Int) -> String {
        switch self {
        case .done: kind == .redFlag ? "I have seen this" : "Done"
        case .snooze: "Snooze \(snoozeMinutes) min"
        case .skip: "Skip"
        case .better: "Better"
        case .same: "Same"
        case .worse: "Worse"
        }
    }

    /// The relief recorded with the session (0 none to 10 complete), for the relief answers.
    /// Product choice: three buttons cannot say more than "some relief" or "none"; "worse" also
    /// leaves a note on the session so it is not read as merely "no relief".
    public var relief: Int? {
        switch self {
        case .better: 5
        case .same, .worse: 0
        default: nil
        }
    }
}

/// What answering a reminder changes: its new state, and the treatment a Done records.
public struct ReminderOutcome: Sendable, Equatable {
    public var state: ReminderState
    /// The treatment the user did ("ice on" done: an ice session of the configured length).
    public var treatment: Treatment?

    /// The outcome of `answer` to a reminder of `kind` at `now`; nil when the kind does not take it.
    public static func of(_ answer: ReminderAnswer, to kind: ReminderKind, now: Date,
                          settings: ReminderSettings) -> ReminderOutcome? {
        guard ReminderAnswer.choices(for: kind).contains(answer) else { return nil }
        switch answer {
        case .snooze: return ReminderOutcome(state: .snoozed(until: now + minutes(settings.snoozeMinutes)))
        case .skip: return ReminderOutcome(state: .skipped)
        case .better, .same, .worse: return ReminderOutcome(state: .done)
        case .done:
            let treatment: Treatment? = switch kind {
            case .iceOn: Treatment(unchecked: .ice, minutes: settings.iceMinutes, relief: nil, name: nil)
            case .heatOn: Treatment(unchecked: .heat, minutes: settings.heatMinutes, relief: nil, name: nil)
            case .supineRest: Treatment(unchecked: .supineRest, minutes: settings.restMinutes, relief: nil, name: nil)
            case .ptRoutine: Treatment(unchecked: .pt, minutes: nil, relief: nil, name: nil)
            default: nil
            }
            return ReminderOutcome(state: .done, treatment: treatment)
        }
    }
}

extension ReminderID {
    /// The reminder whose Done recorded the session a relief question asks about:
    /// "relief:ice-off:<episode>:2" → "ice-on:<episode>:2".
    public var sessionStartID: ReminderID? {
        let parts = split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == ReminderKind.relief.rawValue else { return nil }
        let off = parts[1]
        for (offKind, onKind) in [(ReminderKind.iceOff, ReminderKind.iceOn), (.heatOff, .heatOn)]
        where off.hasPrefix(offKind.rawValue + ":") {
            return onKind.rawValue + off.dropFirst(offKind.rawValue.count)
        }
        return nil
    }

    /// The episode a red-flag reminder is about ("red-flag:<uuid>:saddle-numbness").
    public var redFlagEpisode: UUID? {
        let parts = split(separator: ":")
        guard parts.count >= 2, parts[0] == ReminderKind.redFlag.rawValue else { return nil }
        return UUID(uuidString: String(parts[1]))
    }
}
