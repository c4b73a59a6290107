import Foundation
import SpasmCore
import SpasmTerminal

/// The questions `spasm log` asks on a terminal when the region or the severity is missing: where,
/// which side, how bad, what came before, the red-flag screen and a note. What the command line
/// already gave is not asked again.
struct EpisodeInterview {
    let prompter: Prompter

    /// What is known before the first question.
    struct Known {
        var region: BodyRegion?
        var side: BodySide?
        var severity: Severity?
        /// nil: ask; given with --trigger: do not.
        var triggers: [String]?
        /// Given with --red-flag (their advice is already out).
        var redFlags: [RedFlag] = []
        /// nil: ask; given with --note: do not.
        var note: String?
        /// The last episode's region, offered as the default.
        var lastRegion: BodyRegion?
        /// Recent triggers, most recent first, offered by number.
        var recentTriggers: [String] = []
    }

    struct Answers: Equatable {
        var region: BodyRegion
        var side: BodySide?
        var severity: Severity
        var triggers: [String]
        var redFlags: [RedFlag]
        var note: String?
    }

    /// The red-flag screen: every `RedFlag`, asked a group at a time so that "no" to all takes four keys.
    /// Urgent-now symptoms first (below the waist, then arms, hands and balance, then a fall or chest
    /// pain), the see-a-doctor-soon ones last.
    static let redFlagGroups: [[RedFlag]] = [
        [.saddleNumbness, .bladderBowel, .bothLegs, .legWeakness, .sexualDysfunction],
        [.armWeakness, .clumsyHands, .unsteadyWalking, .dizziness],
        [.trauma, .chestPain],
        [.fever, .weightLoss, .nightPain, .cancerHistory],
    ]

    func ask(_ known: Known) throws(PromptCancelled) -> Answers {
        // Each question only when the command line left it out (`??` would lose the error's type).
        let region: BodyRegion, side: BodySide?
        if let given = known.region {
            (region, side) = (given, known.side)
        } else {
            region = try askRegion(default: known.lastRegion)
            side = try askSide()
        }
        let severity: Severity
        if let given = known.severity { severity = given } else { severity = try askSeverity() }
        let triggers: [String]
        if let given = known.triggers { triggers = given } else { triggers = try askTriggers(offered: known.recentTriggers) }
        let screened = try screenRedFlags(skipping: known.redFlags)
        let note: String?
        if let given = known.note { note = given } else { note = try askNote() }
        return Answers(region: region, side: side, severity: severity, triggers: triggers,
                       redFlags: known.redFlags + screened, note: note)
    }

    /// Shows what will be written and waits for Enter.
    func confirm(_ summary: [String]) throws(PromptCancelled) {
        prompter.say("")
        for line in summary { prompter.say(line) }
        try prompter.waitForEnter("Press Enter to save it, or Ctrl-C to leave without saving.")
    }

    // MARK: - Questions

    func askRegion(default lastRegion: BodyRegion?) throws(PromptCancelled) -> BodyRegion {
        let regions = BodyRegion.allCases
        prompter.say("Where does it hurt?", .question)
        prompter.sayChoices(regions.map(\.rawValue))
        let prompt = lastRegion.map { "Region [\($0.rawValue)]:" } ?? "Region:"
        return try prompter.ask(prompt) { text throws(InputError) in
            try Self.region(text, default: lastRegion)
        }
    }

    func askSide() throws(PromptCancelled) -> BodySide? {
        try prompter.ask("Side (left, right, both; Enter to skip):") { text throws(InputError) in
            text.allSatisfy(\.isWhitespace) ? nil : try BodySide(parsing: text)
        }
    }

    func askSeverity() throws(PromptCancelled) -> Severity {
        prompter.say("How bad is it, from 0 to 10?", .question)
        prompter.say("0 is no pain, 10 the worst pain imaginable.")
        return try prompter.ask("Severity:") { text throws(InputError) in try Severity(parsing: text) }
    }

    func askTriggers(offered: [String]) throws(PromptCancelled) -> [String] {
        prompter.say("What were you doing before it started?", .question)
        if offered.isEmpty {
            prompter.say("A few words (commas between several); Enter for nothing in particular.")
        } else {
            prompter.sayChoices(offered)
            prompter.say("Numbers or new words (commas between several); Enter for nothing in particular.")
        }
        return try prompter.ask("Before:") { text throws(InputError) in try Self.triggers(text, offered: offered) }
    }

    func askNote() throws(PromptCancelled) -> String? {
        try prompter.ask("Note (optional; Enter to skip):") { text throws(InputError) in
            let note = text.trimmingCharacters(in: .whitespaces)
            try TextField.validateNote(note)
            return note.isEmpty ? nil : note
        }
    }

    /// Asks each group at once and, after a yes, each symptom in it. The advice for what was answered
    /// yes is printed as soon as the screen ends, or is left early with Ctrl-C or Ctrl-D.
    func screenRedFlags(skipping given: [RedFlag]) throws(PromptCancelled) -> [RedFlag] {
        prompter.say("Some symptoms need a doctor rather than a diary. Answer y or n (Enter is no).", .question)
        var found: [RedFlag] = []
        do {
            for group in Self.redFlagGroups {
                let asked = group.filter { !given.contains($0) }
                guard !asked.isEmpty else { continue }
                for flag in asked { prompter.say("- " + flag.symptom) }
                guard try prompter.yesNo("Any of these?") else { continue }
                if asked.count == 1 { found += asked; continue }
                for flag in asked {
                    if try prompter.yesNo("  " + Self.capitalised(flag.symptom) + "?") { found.append(flag) }
                }
            }
        } catch {
            showAdvice(for: found)
            throw error
        }
        showAdvice(for: found)
        return found
    }

    private func showAdvice(for flags: [RedFlag]) {
        guard let advice = RedFlag.advice(for: flags) else { return }
        prompter.say("")
        prompter.say(advice, .urgent)
        prompter.say("")
    }

    // MARK: - Reading answers

    /// A region by its number in the list, by name, or the default on Enter.
    static func region(_ text: String, default lastRegion: BodyRegion?) throws(InputError) -> BodyRegion {
        let text = text.trimmingCharacters(in: .whitespaces)
        let regions = BodyRegion.allCases
        if text.isEmpty {
            guard let lastRegion else { throw InputError("region", "missing", hint: "type a number from the list or a region's name") }
            return lastRegion
        }
        if let number = Int(text) {
            guard regions.indices.contains(number - 1) else {
                throw InputError("region", "\(number) is not in the list", hint: "choose 1 to \(regions.count)")
            }
            return regions[number - 1]
        }
        return try BodyRegion(parsing: text)
    }

    /// Triggers from "1 3", "2, lifting", "desk work": numbers pick from `offered`, other text is a new
    /// trigger under the same rules as --trigger. Each trigger once, in the order given.
    static func triggers(_ text: String, offered: [String]) throws(InputError) -> [String] {
        var chosen: [String] = []
        for part in text.split(separator: ",") {
            let words = part.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty else { continue }
            if words.allSatisfy({ Int($0) != nil }) {
                for word in words {
                    let number = Int(word)!
                    guard offered.indices.contains(number - 1) else {
                        let hint = offered.isEmpty ? "type what you were doing in words"
                            : "choose 1 to \(offered.count), or type what you were doing in words"
                        throw InputError("trigger", "\(number) is not in the list", hint: hint)
                    }
                    chosen.append(offered[number - 1])
                }
            } else {
                chosen.append(try TextField.tag(String(part)))
            }
        }
        var seen = Set<String>()
        return chosen.filter { seen.insert($0).inserted }
    }

    /// Triggers of `episodes` (newest first), each once, at most `limit`.
    static func recentTriggers(_ episodes: [Entry], limit: Int = 9) -> [String] {
        var seen = Set<String>()
        var triggers: [String] = []
        for entry in episodes.sorted(by: { $0.at > $1.at }) {
            for trigger in entry.episode?.triggers ?? [] where seen.insert(trigger).inserted {
                triggers.append(trigger)
                if triggers.count == limit { return triggers }
            }
        }
        return triggers
    }

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
