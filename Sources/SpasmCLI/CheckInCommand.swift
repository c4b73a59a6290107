import ArgumentParser
import SpasmCore
import SpasmTerminal

extension Spasm {
    struct CheckIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin", _superCommandName: "spasm",
            abstract: "The weekly check-in on pain and function (PEG): three numbers, 0-10, about the past week.",
            discussion: """
            --pain       your pain on average in the past week (0 no pain, 10 as bad as you can imagine)
            --enjoyment  how much pain interfered with your enjoyment of life (0 not at all, 10 completely)
            --activity   how much pain interfered with your general activity (0 not at all, 10 completely)
            The score is their mean; the PDF report shows it week by week. (PEG: Krebs et al. 2009.)
            Example: 'spasm checkin --pain 6 --enjoyment 5 --activity 7'.
            """
        )

        @Option(help: "Average pain in the past week, 0-10.") var pain: Int?
        @Option(help: "Interference with enjoyment of life in the past week, 0-10.") var enjoyment: Int?
        @Option(help: "Interference with general activity in the past week, 0-10.") var activity: Int?
        @Option(help: EntryHelp.at("When you answered")) var at: String?
        @Option(help: EntryHelp.note) var note: String?
        @OptionGroup var questions: QuestionOptions
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        /// The three PEG questions, in the scale's words; on a terminal each missing answer is asked.
        static let questions: [(option: String, question: String, anchors: String)] = [
            ("pain", "What number best describes your pain on average in the past week?", "0 no pain, 10 as bad as you can imagine"),
            ("enjoyment", "How much has pain interfered with your enjoyment of life in the past week?", "0 not at all, 10 completely"),
            ("activity", "How much has pain interfered with your general activity in the past week?", "0 not at all, 10 completely"),
        ]

        static func ask(_ prompter: Prompter, given: [Int?]) throws(PromptCancelled) -> [Int?] {
            var answers = given
            for (index, item) in questions.enumerated() where answers[index] == nil {
                prompter.say(item.question, .question)
                prompter.say(item.anchors + ".")
                answers[index] = try prompter.ask("\(item.option.capitalized):") { text throws(InputError) in
                    guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (0...10).contains(value) else {
                        throw InputError(item.option, "'\(text)' is not a whole number from 0 to 10")
                    }
                    return value
                }
            }
            return answers
        }

        func run() throws {
            var answered: [Int?] = [pain, enjoyment, activity]
            if answered.contains(where: { $0 == nil }),
               let asked = try Questions.ask(allowed: questions.allowed(json: output.json, note: note), { prompter in
                   try Self.ask(prompter, given: answered)
               }) {
                answered = asked
            }
            let (pain, enjoyment, activity) = (answered[0], answered[1], answered[2])
            guard let pain, let enjoyment, let activity else {
                let missing = [("--pain", pain), ("--enjoyment", enjoyment), ("--activity", activity)].filter { $0.1 == nil }.map(\.0)
                throw InputError("checkin", "needs all three answers; missing: \(missing.joined(separator: ", "))",
                                 hint: "e.g. spasm checkin --pain 6 --enjoyment 5 --activity 7")
            }
            let context = try Context(journal)
            let answers = try SpasmCore.CheckIn(pain: pain, enjoyment: enjoyment, activity: activity)
            let at = try context.past(at)
            let entry = Entry(at: at, utcOffset: context.utcOffset(at: at), note: try context.note(note), body: .checkin(answers))
            try entry.validate()
            let saved = try context.openJournal().add(entry, now: context.now)
            try output.report("Logged", saved)
        }
    }
}
