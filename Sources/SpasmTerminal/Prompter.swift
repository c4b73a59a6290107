/// Questions on a terminal, one at a time: text wrapped to the window, answers typed with echo and
/// simple editing (Backspace, Ctrl-U, Ctrl-W), single-key yes/no, and a refused answer asked again
/// with the reason. Ctrl-C or end of input throws `PromptCancelled` from any question.
///
/// It only ever runs on a terminal (`SystemTerminal`), so its few escape sequences never reach a
/// file or a pipe; bold and colour are left out when the terminal says not to (NO_COLOR, TERM=dumb).
///
///     let prompter = Prompter(terminal)               // SystemTerminal, or MemoryTerminal in tests
///     prompter.say("How bad is it, from 0 to 10?", .question)
///     let pain = try prompter.ask("Pain:") { try Severity(parsing: $0, parameter: "pain") }
///     if try prompter.yesNo("Any of these?") { ... }
public final class Prompter {
    public let terminal: any Terminal

    public init(_ terminal: any Terminal) {
        self.terminal = terminal
    }

    /// How a piece of text is shown.
    public enum Emphasis: Sendable {
        case plain
        /// Bold: the question itself.
        case question
        /// Bold red: what to do about a red flag.
        case urgent
    }

    /// Writes `text` wrapped to the terminal's width, ending the line.
    public func say(_ text: String, _ emphasis: Emphasis = .plain) {
        let lines = TextWidth.wrap(text, width: terminal.columns)
        terminal.write(lines.map { painted($0, emphasis) }.joined(separator: "\n") + "\n")
    }

    /// Numbered choices ("1 neck  2 upper-back ..."), two spaces apart, as many to a line as fit;
    /// a choice is never split across lines unless it alone is wider than the terminal.
    public func sayChoices(_ choices: [String]) {
        let width = terminal.columns
        var lines: [String] = []
        var current = ""
        for (index, choice) in choices.enumerated() {
            let item = "\(index + 1) \(choice)"
            if current.isEmpty {
                current = item
            } else if TextWidth.columns(current) + 2 + TextWidth.columns(item) <= width {
                current += "  " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        for line in lines {
            let fitted = TextWidth.columns(line) > width ? TextWidth.wrap(line, width: width) : [line]
            terminal.write(fitted.joined(separator: "\n") + "\n")
        }
    }

    /// A line of text, ended with Enter.
    public func line(_ prompt: String) throws(PromptCancelled) -> String {
        let lead = begin(prompt)
        var text = ""
        while true {
            let key = terminal.readKey()
            switch key {
            case .character(let character):
                text.append(character)
                terminal.write(String(character))
            case .backspace:
                guard let last = text.popLast() else { continue }
                erase(lead: lead, before: text + String(last), after: text)
            case .eraseLine:
                guard !text.isEmpty else { continue }
                let before = text
                text = ""
                erase(lead: lead, before: before, after: text)
            case .eraseWord:
                guard !text.isEmpty else { continue }
                let before = text
                while text.last == " " { text.removeLast() }
                while let last = text.last, last != " " { text.removeLast() }
                erase(lead: lead, before: before, after: text)
            case .enter:
                terminal.write("\n")
                return text
            case .interrupt, .endOfInput:
                try cancel(by: key)
            case .ignored:
                continue
            }
        }
    }

    /// Asks until `interpret` accepts the answer. A refusal is shown in its own words (an error's
    /// description) and the same question comes again.
    public func ask<Answer>(_ prompt: String, interpret: (String) throws -> Answer) throws(PromptCancelled) -> Answer {
        while true {
            let text = try line(prompt)
            do {
                return try interpret(text)
            } catch {
                say("\(error)")
            }
        }
    }

    /// A yes-or-no question answered with one key: y or n, or Enter for `defaultAnswer`.
    public func yesNo(_ question: String, default defaultAnswer: Bool = false) throws(PromptCancelled) -> Bool {
        _ = begin(question + (defaultAnswer ? " [Y/n]" : " [y/N]"))
        while true {
            let key = terminal.readKey()
            let answer: Bool
            switch key {
            case .character("y"), .character("Y"): answer = true
            case .character("n"), .character("N"): answer = false
            case .enter: answer = defaultAnswer
            case .interrupt, .endOfInput: try cancel(by: key)
            default: continue
            }
            terminal.write((answer ? "yes" : "no") + "\n")
            return answer
        }
    }

    /// Waits for Enter (any other key but Ctrl-C and Ctrl-D is ignored).
    public func waitForEnter(_ prompt: String) throws(PromptCancelled) {
        _ = begin(prompt)
        while true {
            let key = terminal.readKey()
            switch key {
            case .enter: terminal.write("\n"); return
            case .interrupt, .endOfInput: try cancel(by: key)
            default: continue
            }
        }
    }

    // MARK: - Drawing

    /// Writes a prompt: all but its last line wrapped above, the last one followed by a space for the
    /// answer. Returns that last line, which a redraw repeats.
    private func begin(_ prompt: String) -> String {
        var lines = TextWidth.wrap(prompt, width: terminal.columns)
        var last = lines.popLast() ?? ""
        // The space before the answer only where it fits: on a full row it would push an empty row out.
        if TextWidth.columns(last) < terminal.columns { last += " " }
        for line in lines { terminal.write(painted(line, .question) + "\n") }
        terminal.write(painted(last, .question))
        return last
    }

    /// Shows `after` in place of `before` on the answer line.
    private func erase(lead: String, before: String, after: String) {
        guard terminal.movesCursor else {
            let removed = TextWidth.columns(before) - TextWidth.columns(after)
            terminal.write(String(repeating: "\u{8} \u{8}", count: removed))
            return
        }
        // The line may have wrapped: go up to the row the prompt started on, clear below, write again.
        // A cursor resting after the last column of a full row is still on that row (deferred wrap).
        let used = TextWidth.columns(lead) + TextWidth.columns(before)
        let up = max(0, used - 1) / max(terminal.columns, 1)
        terminal.write((up > 0 ? "\u{1B}[\(up)A" : "") + "\r\u{1B}[J" + painted(lead, .question) + after)
    }

    private func cancel(by key: Key) throws(PromptCancelled) -> Never {
        if key == .interrupt {
            terminal.write("^C\n")
            throw PromptCancelled(.interrupted)
        }
        terminal.write("\n")
        throw PromptCancelled(.endOfInput)
    }

    private func painted(_ text: String, _ emphasis: Emphasis) -> String {
        guard terminal.styled, !text.isEmpty else { return text }
        switch emphasis {
        case .plain: return text
        case .question: return "\u{1B}[1m" + text + "\u{1B}[0m"
        case .urgent: return "\u{1B}[1;31m" + text + "\u{1B}[0m"
        }
    }
}
