import Testing
import SpasmCore
import SpasmTerminal
@testable import SpasmCLI

@Suite struct EpisodeInterviewTests {
    /// The keys for "no" to every red-flag group.
    static let noRedFlags = [Key](repeating: .character("n"), count: EpisodeInterview.redFlagGroups.count)

    func interview(_ keys: [Key], columns: Int = 80) -> (EpisodeInterview, MemoryTerminal) {
        let terminal = MemoryTerminal(keys: keys, columns: columns)
        return (EpisodeInterview(prompter: Prompter(terminal)), terminal)
    }

    @Test func enterTakesTheDefaultsAndOnlyRegionAndSeverityAreNeeded() throws {
        // Region: Enter (last one); side: Enter; severity 6; before: Enter; four noes; note: Enter.
        let keys = MemoryTerminal.typing("\r\r6\r\r") + Self.noRedFlags + [.enter]
        let (interview, terminal) = interview(keys)
        let answers = try interview.ask(.init(lastRegion: .lowerBack))
        #expect(answers == .init(region: .lowerBack, side: nil, severity: Severity(rawValue: 6)!, triggers: [], redFlags: [], note: nil))
        #expect(terminal.plainOutput.contains("Region [lower-back]: "))
        #expect(terminal.plainOutput.contains("0 is no pain, 10 the worst pain imaginable."))
    }

    @Test func everyAnswerTyped() throws {
        let keys = MemoryTerminal.typing("4\rl\r7/10\r2, Carrying Shopping\r") + Self.noRedFlags
            + MemoryTerminal.typing("bent to pick up a box\r")
        let (interview, terminal) = interview(keys)
        let answers = try interview.ask(.init(recentTriggers: ["lifting", "desk work"]))
        #expect(answers.region == .lowerBack)
        #expect(answers.side == .left)
        #expect(answers.severity.rawValue == 7)
        #expect(answers.triggers == ["desk work", "carrying shopping"])
        #expect(answers.note == "bent to pick up a box")
        #expect(terminal.plainOutput.contains("1 lifting  2 desk work"))
        #expect(terminal.plainOutput.contains("Region: 4"))  // no default without an earlier episode
    }

    @Test func aBadSeverityIsExplainedAndAskedAgain() throws {
        let keys = MemoryTerminal.typing("neck\r\r11\rbad\r3\r\r") + Self.noRedFlags + [.enter]
        let (interview, terminal) = interview(keys)
        #expect(try interview.ask(.init()).severity.rawValue == 3)
        #expect(terminal.plainOutput.contains("Severity: 11\nseverity: 11 is outside the 0-10 scale; use 0 (none) to 10 (worst)\nSeverity: bad\n"
            + "severity: 'bad' is not a number; use a whole number from 0 (none) to 10 (worst)\nSeverity: 3\n"))
    }

    @Test func aMissingOrUnknownRegionIsAskedAgain() throws {
        let keys = MemoryTerminal.typing("\r9\rlower-bak\rlumbar\r\r5\r\r") + Self.noRedFlags + [.enter]
        let (interview, terminal) = interview(keys)
        #expect(try interview.ask(.init()).region == .lowerBack)
        #expect(terminal.plainOutput.contains("region: missing"))
        #expect(terminal.plainOutput.contains("region: 9 is not in the list; choose 1 to 5"))
        #expect(terminal.plainOutput.contains("did you mean lower-back?"))
    }

    @Test func whatTheCommandLineGaveIsNotAsked() throws {
        let keys = Self.noRedFlags
        let (interview, terminal) = interview(keys)
        let known = EpisodeInterview.Known(region: .neck, side: .right, severity: Severity(rawValue: 4), triggers: ["lifting"], note: "from the flags")
        let answers = try interview.ask(known)
        #expect(answers == .init(region: .neck, side: .right, severity: Severity(rawValue: 4)!, triggers: ["lifting"], redFlags: [], note: "from the flags"))
        #expect(!terminal.plainOutput.contains("Region"))
        #expect(!terminal.plainOutput.contains("Severity"))
    }

    @Test func theScreenAsksEveryRedFlag() {
        let screened = EpisodeInterview.redFlagGroups.flatMap { $0 }
        #expect(Set(screened) == Set(RedFlag.allCases))
        #expect(screened.count == RedFlag.allCases.count)
    }

    @Test func everyRedFlagAnsweredYesIsRecordedAndItsAdviceShownBeforeTheNote() throws {
        // Yes to each group, then yes to each symptom in it.
        var keys = MemoryTerminal.typing("neck\r\r8\r\r")
        for group in EpisodeInterview.redFlagGroups { keys += [Key](repeating: .character("y"), count: group.count + 1) }
        keys += MemoryTerminal.typing("\r")
        let (interview, terminal) = interview(keys)
        let answers = try interview.ask(.init())
        #expect(answers.redFlags == EpisodeInterview.redFlagGroups.flatMap { $0 })
        let text = terminal.plainOutput
        let advice = try #require(text.range(of: "URGENT: get medical help now."))
        let note = try #require(text.range(of: "Note (optional"))
        #expect(advice.upperBound < note.lowerBound)
        #expect(text.contains("See a doctor soon: you reported fever"))
        for flag in RedFlag.allCases { #expect(text.contains(flag.symptom) || text.contains(flag.symptom.prefix(1).uppercased() + flag.symptom.dropFirst())) }
    }

    @Test func oneYesAsksWhichAndRecordsOnlyThat() throws {
        // First group yes, then: saddle numbness no, bladder/bowel yes, the rest no; other groups no.
        let keys = MemoryTerminal.typing("\r\r5\r\r") + [.character("y"), .character("n"), .character("y"), .enter, .enter, .enter]
            + [Key](repeating: .character("n"), count: 3) + [.enter]
        let (interview, terminal) = interview(keys)
        let answers = try interview.ask(.init(lastRegion: .lowerBack))
        #expect(answers.redFlags == [.bladderBowel])
        #expect(terminal.plainOutput.contains("You reported new trouble passing urine, or loss of bladder or bowel control."))
    }

    @Test func leavingAfterAYesStillShowsTheAdvice() {
        let keys = MemoryTerminal.typing("\r\r5\r\r") + [.character("n"), .character("y"), .character("y"), .interrupt]
        let (interview, terminal) = interview(keys)
        #expect(throws: PromptCancelled(.interrupted)) { try interview.ask(.init(lastRegion: .neck)) }
        #expect(terminal.plainOutput.contains("URGENT: get medical help now.\nYou reported weakness or numbness in an arm that is getting worse."))
    }

    @Test func ctrlCOrTheEndOfInputAnywhereCancels() {
        let (first, _) = interview(MemoryTerminal.typing("neck\r") + [.interrupt])
        #expect(throws: PromptCancelled(.interrupted)) { try first.ask(.init()) }
        let (second, _) = interview(MemoryTerminal.typing("neck\r\r7\r"))
        #expect(throws: PromptCancelled(.endOfInput)) { try second.ask(.init()) }
        let (third, _) = interview([.character("x")])
        #expect(throws: PromptCancelled(.endOfInput)) { try third.confirm(["To log: neck 7/10"]) }
    }

    @Test func triggersByNumberOrText() throws {
        let offered = ["lifting", "desk work", "driving"]
        #expect(try EpisodeInterview.triggers("1 3", offered: offered) == ["lifting", "driving"])
        #expect(try EpisodeInterview.triggers("3, Desk   Work, new one", offered: offered) == ["driving", "desk work", "new one"])
        #expect(try EpisodeInterview.triggers("  ", offered: offered) == [])
        #expect(throws: InputError("trigger", "4 is not in the list", hint: "choose 1 to 3, or type what you were doing in words")) {
            try EpisodeInterview.triggers("4", offered: offered)
        }
        #expect(throws: InputError.self) { try EpisodeInterview.triggers(String(repeating: "x", count: 101), offered: []) }
    }

    @Test func recentTriggersNewestFirstEachOnce() {
        func episode(_ hour: Double, _ triggers: [String]) -> Entry {
            Entry(at: .init(timeIntervalSince1970: hour * 3600), utcOffset: 0, note: nil,
                  body: .episode(Episode(region: .neck, side: nil, severity: Severity(rawValue: 3)!, triggers: triggers, redFlags: [],
                                         endedAt: nil, endedUTCOffset: nil)))
        }
        let entries = [episode(1, ["lifting", "desk work"]), episode(3, ["driving"]), episode(2, ["desk work", "gardening"])]
        #expect(EpisodeInterview.recentTriggers(entries) == ["driving", "desk work", "gardening", "lifting"])
        #expect(EpisodeInterview.recentTriggers(entries, limit: 2) == ["driving", "desk work"])
    }

    @Test func aNarrowTerminalWrapsEveryLine() throws {
        let keys = MemoryTerminal.typing("\r\r6\r\r") + Self.noRedFlags + [.enter]
        let (interview, terminal) = interview(keys, columns: 20)
        _ = try interview.ask(.init(lastRegion: .neck))
        // Each line written fits; only the typed answer may run past the edge (the terminal wraps it).
        for line in terminal.plainOutput.split(separator: "\n") {
            let prompt = (line.range(of: "] ") ?? line.range(of: ": ")).map { line[..<$0.upperBound] } ?? line
            #expect(TextWidth.columns(prompt) <= 20, "\(line)")
        }
    }
}

/// `spasm activity` without a name, on a terminal: the same prompt code as `spasm log`.
@Suite struct ActivityQuestionTests {
    @Test func aNumberPicksAKnownNameAndWordsMakeANewOne() throws {
        let picked = MemoryTerminal(keys: MemoryTerminal.typing("2\r"), columns: 80)
        #expect(try Spasm.ActivityCommand.askName(Prompter(picked), offered: ["desk work", "lifting"]) == "lifting")
        #expect(picked.plainOutput.contains("1 desk work  2 lifting"))
        let typed = MemoryTerminal(keys: MemoryTerminal.typing("Running\r"), columns: 80)
        #expect(try Spasm.ActivityCommand.askName(Prompter(typed), offered: []) == "running")
    }

    @Test func nothingOrTwoNamesAreAskedAgain() throws {
        let terminal = MemoryTerminal(keys: MemoryTerminal.typing("\r1 2\r9\rgardening\r"), columns: 80)
        #expect(try Spasm.ActivityCommand.askName(Prompter(terminal), offered: ["desk work", "lifting"]) == "gardening")
        #expect(terminal.plainOutput.contains("one at a time"))
        #expect(terminal.plainOutput.contains("9 is not in the list"))
    }

    @Test func endOfInputWritesNothingAndSaysSo() {
        let terminal = MemoryTerminal(keys: [], columns: 80)
        #expect(throws: PromptCancelled.self) { try Spasm.ActivityCommand.askName(Prompter(terminal), offered: []) }
    }
}

/// `spasm checkin` on a terminal: each missing PEG answer asked in the scale's words.
@Suite struct CheckInQuestionTests {
    @Test func onlyTheMissingAnswersAreAskedAndABadOneAgain() throws {
        let terminal = MemoryTerminal(keys: MemoryTerminal.typing("11\r5\r7\r"), columns: 80)
        let answers = try Spasm.CheckIn.ask(Prompter(terminal), given: [6, nil, nil])
        #expect(answers == [6, 5, 7])
        #expect(!terminal.plainOutput.contains("pain on average"))
        #expect(terminal.plainOutput.contains("interfered with your enjoyment of life"))
        #expect(terminal.plainOutput.contains("'11' is not a whole number from 0 to 10"))
    }

    @Test func endOfInputWritesNothing() {
        let terminal = MemoryTerminal(keys: [], columns: 80)
        #expect(throws: PromptCancelled.self) { try Spasm.CheckIn.ask(Prompter(terminal), given: [nil, nil, nil]) }
    }
}
