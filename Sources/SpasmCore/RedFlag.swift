import Foundation

/// A symptom that, next to neck or back pain, needs a doctor rather than a diary.
///
/// The list and wording follow NHS / NICE CKS guidance as summarised in CLINICAL.md. spasm never
/// says what the symptom means; it says how soon to get help.
public enum RedFlag: String, Sendable, Codable, CaseIterable {
    case saddleNumbness = "saddle-numbness"
    case bladderBowel = "bladder-bowel"
    case bothLegs = "both-legs"
    case legWeakness = "leg-weakness"
    case armWeakness = "arm-weakness"
    case clumsyHands = "clumsy-hands"
    case unsteadyWalking = "unsteady-walking"
    case sexualDysfunction = "sexual-dysfunction"
    case chestPain = "chest-pain"
    case trauma
    case dizziness
    case fever
    case weightLoss = "weight-loss"
    case nightPain = "night-pain"
    case cancerHistory = "cancer-history"

    /// How soon to get help.
    public enum Urgency: String, Sendable, Codable {
        /// Urgent care now, whatever the hour.
        case now
        /// See a doctor soon, within days.
        case soon
    }

    public var urgency: Urgency {
        switch self {
        case .fever, .weightLoss, .nightPain, .cancerHistory: .soon
        default: .now
        }
    }

    /// The symptom in plain words, as a clinician would ask about it.
    public var symptom: String {
        switch self {
        case .saddleNumbness: "numbness around the genitals, buttocks or anus"
        case .bladderBowel: "new trouble passing urine, or loss of bladder or bowel control"
        case .bothLegs: "numbness, tingling or weakness in both legs"
        case .legWeakness: "weakness in a leg that is new or getting worse"
        case .armWeakness: "weakness or numbness in an arm that is getting worse"
        case .clumsyHands: "new clumsiness of the hands"
        case .unsteadyWalking: "unsteady walking"
        case .sexualDysfunction: "new sexual dysfunction"
        case .chestPain: "chest pain"
        case .trauma: "pain after a serious fall or accident"
        case .dizziness: "dizziness, drop attacks or blackouts"
        case .fever: "fever"
        case .weightLoss: "unexplained weight loss"
        case .nightPain: "pain that is worse at night or not eased by rest"
        case .cancerHistory: "a history of cancer"
        }
    }

    public init(parsing text: String) throws(InputError) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-")
        guard let flag = RedFlag(rawValue: key) else {
            throw .unknown("red-flag", text, among: RedFlag.allCases.map(\.rawValue))
        }
        self = flag
    }

    /// What to do, for the flags just logged: urgent ones first. Printed before anything else.
    public static func advice(for flags: [RedFlag]) -> String? {
        let now = flags.filter { $0.urgency == .now }
        let soon = flags.filter { $0.urgency == .soon }
        var lines: [String] = []
        if !now.isEmpty {
            lines.append("URGENT: get medical help now.")
            lines.append("You reported \(list(now)). With neck or back pain this needs to be seen today:")
            lines.append("call your local emergency number, or go to an emergency department or urgent care now.")
            lines.append("Do not wait to see whether it passes.")
        }
        if !soon.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append("See a doctor soon: you reported \(list(soon)).")
            lines.append("Book an appointment within the next few days and mention it; if it gets worse, seek care sooner.")
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func list(_ flags: [RedFlag]) -> String {
        let words = flags.map(\.symptom)
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: "; ") + " and " + words.last!
    }
}
