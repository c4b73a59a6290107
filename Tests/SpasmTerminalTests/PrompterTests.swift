import Testing
import SpasmTerminal

@Suite struct PrompterTests {
    struct Refused: Error, CustomStringConvertible { var description: String }

    @Test func aLineIsTypedAndEdited() throws {
        // "neco", Backspace, "k", Enter
        let terminal = MemoryTerminal(keys: MemoryTerminal.typing("neco") + [.backspace] + MemoryTerminal.typing("k\r"))
        #expect(try Prompter(terminal).line("Region:") == "neck")
        #expect(terminal.output.hasPrefix("Region: neco"))
    }

    @Test func eraseWordAndLine() throws {
        let keys = MemoryTerminal.typing("desk work") + [.eraseWord] + MemoryTerminal.typing("lifting ")
            + [.eraseLine] + MemoryTerminal.typing("gardening\r")
        #expect(try Prompter(MemoryTerminal(keys: keys)).line("Before:") == "gardening")
    }

    @Test func aRefusedAnswerIsExplainedAndAskedAgain() throws {
        let terminal = MemoryTerminal(keys: MemoryTerminal.typing("11\r7\r"))
        let value = try Prompter(terminal).ask("Severity:") { text in
            guard let n = Int(text), n <= 10 else { throw Refused(description: "severity: \(text) is outside the 0-10 scale") }
            return n
        }
        #expect(value == 7)
        #expect(terminal.plainOutput == "Severity: 11\nseverity: 11 is outside the 0-10 scale\nSeverity: 7\n")
    }

    @Test func yesNoTakesOneKeyAndEnterForTheDefault() throws {
        let terminal = MemoryTerminal(keys: [.character("x"), .character("Y"), .enter, .character("n")])
        let prompter = Prompter(terminal)
        #expect(try prompter.yesNo("Any of these?") == true)
        #expect(try prompter.yesNo("Any of these?") == false)
        #expect(try prompter.yesNo("Again?", default: true) == false)
        #expect(terminal.plainOutput == "Any of these? [y/N] yes\nAny of these? [y/N] no\nAgain? [Y/n] no\n")
    }

    @Test func ctrlCAndTheEndOfInputCancelAnyQuestion() {
        #expect(throws: PromptCancelled(.interrupted)) { try Prompter(MemoryTerminal(keys: [.character("a"), .interrupt])).line("Note:") }
        #expect(throws: PromptCancelled(.endOfInput)) { try Prompter(MemoryTerminal(keys: [])).yesNo("Any?") }
        #expect(throws: PromptCancelled(.interrupted)) { try Prompter(MemoryTerminal(keys: [.character("y"), .interrupt])).waitForEnter("Enter") }
        #expect(PromptCancelled(.interrupted).exitCode == 130)
        #expect(PromptCancelled(.endOfInput).exitCode == 64)
    }

    @Test func aLongPromptIsWrappedAndAnEditOnAWrappedLineRedrawsFromItsFirstRow() throws {
        let terminal = MemoryTerminal(keys: MemoryTerminal.typing("lifting boxes") + [.backspace, .enter], columns: 12)
        #expect(try Prompter(terminal).line("What came before it:") == "lifting boxe")
        // "before it: " is 11 columns and "lifting boxes" 13 more: 24 fill two rows exactly, and the
        // cursor waits at the end of the second (deferred wrap), so the redraw goes up one row, clears
        // below and writes the last prompt line again.
        #expect(terminal.output.contains("\u{1B}[1A\r\u{1B}[Jbefore it: lifting boxe"))
        #expect(terminal.plainOutput.hasPrefix("What came\nbefore it: "))
    }

    @Test func withoutCursorMovesBackspaceStepsBack() throws {
        let terminal = MemoryTerminal(keys: MemoryTerminal.typing("腰x") + [.backspace, .backspace, .enter], movesCursor: false)
        #expect(try Prompter(terminal).line("Note:") == "")
        #expect(!terminal.output.contains("\u{1B}"))
        #expect(terminal.output.contains("\u{8} \u{8}\u{8} \u{8}\u{8} \u{8}"))  // one column, then two
    }

    @Test func styleOnlyWhenTheTerminalAllowsIt() {
        let plain = MemoryTerminal(keys: [], styled: false)
        Prompter(plain).say("URGENT", .urgent)
        #expect(plain.output == "URGENT\n")
        let styled = MemoryTerminal(keys: [], styled: true)
        Prompter(styled).say("URGENT", .urgent)
        #expect(styled.output == "\u{1B}[1;31mURGENT\u{1B}[0m\n")
    }
}

@Suite struct ChoicesTests {
    @Test func choicesArePackedWholeToTheWidth() {
        let terminal = MemoryTerminal(keys: [], columns: 26)
        Prompter(terminal).sayChoices(["neck", "upper-back", "mid-back", "lower-back", "shoulder"])
        #expect(terminal.output == "1 neck  2 upper-back\n3 mid-back  4 lower-back\n5 shoulder\n")
    }
}
