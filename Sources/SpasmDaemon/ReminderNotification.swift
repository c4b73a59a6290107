import SpasmCore
import SpasmNotify

/// How reminders look on the desktop: one notification for a group that fell due together.
struct ReminderNotification {
    var group: ReminderGroup
    /// The reminders' numbers, in the group's order.
    var numbers: [Int]
    var snoozeMinutes: Int
    /// Earlier notifications of these reminders, which this one takes the place of.
    var replaces: [String] = []

    /// The name events carry back: the numbers, so a restarted spasmd would read it the same way.
    var key: String { "r" + numbers.map(String.init).joined(separator: "-") }

    /// The reminders named by a key, or nil for a key spasmd did not make.
    static func numbers(in key: String) -> [Int]? {
        guard key.hasPrefix("r") else { return nil }
        let numbers = key.dropFirst().split(separator: "-").compactMap { Int($0) }
        return numbers.isEmpty ? nil : numbers
    }

    var notification: DesktopNotification {
        let single = group.reminders.count == 1 ? group.reminders[0] : nil
        let kind = single?.kind
        let answers = kind.map(ReminderAnswer.choices(for:)) ?? [.done, .snooze, .skip]
        let actions = answers.map { answer in
            let label = answer.label(for: kind, snoozeMinutes: snoozeMinutes)
            return DesktopNotification.Action(answer.rawValue, single == nil ? label + " (all)" : label)
        }
        return DesktopNotification(key: key, summary: group.title, body: group.body, urgency: urgency,
                                   category: "x-spasm." + (kind?.rawValue ?? "reminders"), icon: icon,
                                   actions: actions, withoutActions: commands(answers), replaces: replaces)
    }

    private var urgency: DesktopNotification.Urgency {
        switch group.urgency {
        case .low: .low
        case .normal: .normal
        case .critical: .critical
        }
    }

    /// freedesktop icon names every icon theme has.
    private var icon: String {
        switch group.urgency {
        case .critical: "dialog-warning"
        case .low: "dialog-information"
        case .normal: "appointment-soon"
        }
    }

    /// The body's last line where the server has no buttons: the commands that do what they would.
    private func commands(_ answers: [ReminderAnswer]) -> String {
        guard numbers.count == 1, let number = numbers.first else { return "Answer them with: spasm reminders" }
        if group.reminders[0].kind == .relief { return "Answer with: spasm relief \(number) better|same|worse" }
        return answers.map { "\($0.rawValue.capitalized): spasm \($0.rawValue) \(number)" }.joined(separator: " · ")
    }
}
