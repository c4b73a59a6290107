import Foundation
import Testing

/// `spasm log` without a region or severity on a real pseudo-terminal asks for them; off a terminal
/// it refuses at once, as before.
@Suite struct GuidedLogTests {
    typealias Step = TerminalSession.Step

    /// "No" to each of the red-flag screen's four groups.
    static let noRedFlags: [Step] = (0..<4).flatMap { _ in [Step.expect(#"Any of these\? \[y/N\] "#), .send("n")] }

    /// A journal with one earlier episode: its region becomes the default, its triggers are offered.
    func journalWithAnEpisode() throws -> SpasmRunner {
        let spasm = SpasmRunner()
        let seeded = try spasm("log", "lower-back", "5", "--trigger", "lifting", "--trigger", "desk work", "--at", "2h ago")
        #expect(seeded.status == 0, "\(seeded.stderr)")
        return spasm
    }

    func journalBytes(_ spasm: SpasmRunner) -> Data? { FileManager.default.contents(atPath: spasm.journalPath) }

    @Test func enterTakesTheDefaultsAndTheEntryIsWrittenOnEnter() throws {
        let spasm = try journalWithAnEpisode()
        let steps: [Step] = [
            .expect(#"Region \[lower-back\]: "#), .send("\r"),
            .expect("Side .*: "), .send("\r"),
            .expect("0 is no pain, 10 the worst pain imaginable"), .expect("Severity: "), .send("6\r"),
            .expect("1 lifting  2 desk work"), .expect("Before: "), .send("2\r"),
        ] + Self.noRedFlags + [
            .expect(#"Note \(optional"#), .send("\r"),
            .expect("To log: lower-back 6/10, open · after desk work"), .expect("Press Enter to save it"), .send("\r"),
        ]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps)
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.transcript.contains("Logged episode #2: lower-back 6/10, open · after desk work"))
        #expect(outcome.transcript.contains("\u{1B}[1mWhere does it hurt?"), "questions are bold on a terminal")
        let entries = try spasm.entries()
        #expect(entries.count == 2)
        let episode = try #require(entries.last).object("episode")
        #expect(episode["region"] as? String == "lower-back")
        #expect(episode["severity"] as? Int == 6)
        #expect(episode["triggers"] as? [String] == ["desk work"])
        #expect((episode["red_flags"] as? [String] ?? []).isEmpty)
    }

    @Test func everyRedFlagAnsweredYesIsRecordedAfterItsAdvice() throws {
        let spasm = SpasmRunner()
        var steps: [Step] = [
            .expect("Region: "), .send("neck\r"), .expect("Side .*: "), .send("left\r"),
            .expect("Severity: "), .send("9\r"), .expect("Before: "), .send("\r"),
        ]
        // Yes to each group, then yes to each symptom in it: 4 groups, 15 symptoms.
        for size in [5, 4, 2, 4] {
            steps += [.expect(#"Any of these\? \[y/N\] "#), .send("y")]
            steps += (0..<size).flatMap { _ in [Step.expect(#"\? \[y/N\] "#), .send("y")] }
        }
        steps += [.expect(#"Note \(optional"#), .send("\r"), .expect("Press Enter to save it"), .send("\r")]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps, rows: 120)
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let text = outcome.transcript
        let advice = try #require(text.range(of: "URGENT: get medical help now."))
        let note = try #require(text.range(of: "Note (optional"))
        #expect(advice.upperBound < note.lowerBound, "the advice comes before anything else is asked")
        #expect(text.contains("See a doctor soon: you reported fever"))
        let episode = try #require(spasm.entries().last).object("episode")
        #expect(episode["side"] as? String == "left")
        #expect(Set(episode["red_flags"] as? [String] ?? []) == [
            "saddle-numbness", "bladder-bowel", "both-legs", "leg-weakness", "arm-weakness", "clumsy-hands",
            "unsteady-walking", "sexual-dysfunction", "chest-pain", "trauma", "dizziness", "fever",
            "weight-loss", "night-pain", "cancer-history",
        ])
    }

    @Test func ctrlCMidwayWritesNothing() throws {
        let spasm = try journalWithAnEpisode()
        let before = try #require(journalBytes(spasm))
        let steps: [Step] = [
            .expect(#"Region \[lower-back\]: "#), .send("neck\r"), .expect("Side .*: "), .send("\r"),
            .expect("Severity: "), .send("8\r"), .expect("Before: "), .send("lif"), .control("c"),
        ]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps)
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 130, "\(outcome.transcript)")
        #expect(outcome.transcript.contains("spasm: interrupted; nothing was written"))
        #expect(journalBytes(spasm) == before, "the journal file changed")
        #expect(try spasm.entries().count == 1)
    }

    @Test func theTerminalIsGivenBackAsItWas() throws {
        let spasm = SpasmRunner()
        let script = #"stty -a > "$HOME/before"; "$SPASM" log; echo "status $?"; stty -a > "$HOME/after""#
        for leave in [Step.control("c"), .eof] {
            let outcome = try TerminalSession.run(spasm, [], steps: [.expect("Region: "), .send("ne"), leave, .expect("status")],
                                                  shell: script)
            #expect(outcome.failed == nil, "\(outcome.transcript)")
            let before = try String(contentsOfFile: spasm.home + "/before", encoding: .utf8)
            let after = try String(contentsOfFile: spasm.home + "/after", encoding: .utf8)
            #expect(before.contains(" icanon") && before.contains(" echo "), "\(before)")
            #expect(after == before, "raw mode left behind after \(leave)")
        }
    }

    @Test func ctrlCAtTheLastStepWritesNothingEither() throws {
        let spasm = try journalWithAnEpisode()
        let before = try #require(journalBytes(spasm))
        let steps: [Step] = [
            .expect("Region .*: "), .send("\r"), .expect("Side .*: "), .send("\r"),
            .expect("Severity: "), .send("3\r"), .expect("Before: "), .send("\r"),
        ] + Self.noRedFlags + [.expect(#"Note \(optional"#), .send("\r"), .expect("Press Enter to save it"), .control("c")]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps)
        #expect(outcome.status == 130, "\(outcome.transcript)")
        #expect(journalBytes(spasm) == before)
    }

    @Test func theEndOfInputWritesNothingAndExits64() throws {
        let spasm = try journalWithAnEpisode()
        let before = try #require(journalBytes(spasm))
        let steps: [Step] = [.expect("Region .*: "), .send("\r"), .expect("Side .*: "), .send("\r"), .expect("Severity: "), .eof]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps)
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 64, "\(outcome.transcript)")
        #expect(outcome.transcript.contains("input ended before the answers were complete; nothing was written"))
        #expect(journalBytes(spasm) == before)
    }

    @Test func leavingBeforeAnyJournalExistsCreatesNone() throws {
        let spasm = SpasmRunner()
        let outcome = try TerminalSession.run(spasm, ["log"], steps: [.expect("Region: "), .control("c")])
        #expect(outcome.status == 130, "\(outcome.transcript)")
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }

    @Test func aBadSeverityIsExplainedAndAskedAgain() throws {
        let spasm = try journalWithAnEpisode()
        let steps: [Step] = [
            .expect("Region .*: "), .send("\r"), .expect("Side .*: "), .send("\r"),
            .expect("Severity: "), .send("11\r"),
            .expect("severity: 11 is outside the 0-10 scale; use 0 \\(none\\) to 10 \\(worst\\)"), .expect("Severity: "), .send("bad\r"),
            .expect("severity: 'bad' is not a number"), .expect("Severity: "), .send("4\r"),
            .expect("Before: "), .send("\r"),
        ] + Self.noRedFlags + [.expect(#"Note \(optional"#), .send("\r"), .expect("Press Enter to save it"), .send("\r")]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps)
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 0)
        #expect(try #require(spasm.entries().last).object("episode")["severity"] as? Int == 4)
    }

    /// 20 columns: questions wrap at spaces, and editing an answer that wrapped redraws it correctly.
    @Test func aVeryNarrowTerminal() throws {
        let spasm = try journalWithAnEpisode()
        let steps: [Step] = [
            .expect(#"Region \[lower-back\]:"#), .send("\r"), .expect("Side .*: "), .send("\r"),
            .expect("Severity: "), .send("7\r"),
            // 8 + 28 columns: the answer wraps onto a second row before " bags" is taken back.
            .expect("Before: "), .send("carrying heavy shopping bags\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\r"),
        ] + Self.noRedFlags + [.expect(#"Note \(optional"#), .send("\r"), .expect("Press Enter"), .send("\r")]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps, columns: 20, rows: 150)
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(try #require(spasm.entries().last).object("episode")["triggers"] as? [String] == ["carrying heavy shopping"])
        let screen = outcome.screen.joined(separator: "\n")
        // Wrapped at spaces, never inside a word: joining the rows gives the sentences back.
        let joined = outcome.screen.joined(separator: " ")
        #expect(joined.contains("Some symptoms need a doctor rather than a diary."), "\(screen)")
        #expect(joined.contains("What were you doing before it started?"), "\(screen)")
        // The answer itself wraps where the terminal puts it, and is shown without what was taken back.
        #expect(screen.contains("Before: carrying hea\nvy shopping\nSome symptoms"), "the redrawn answer: \(screen)")
        #expect(screen.contains("Region [lower-back]:\nSide"), "a full-width prompt pushes out no empty row: \(screen)")
        #expect(!screen.contains("bags"), "\(screen)")
    }

    @Test func noColorLeavesOutBoldAndColour() throws {
        let spasm = SpasmRunner()
        let steps: [Step] = [
            .expect("Region: "), .send("neck\r"), .expect("Side .*: "), .send("\r"), .expect("Severity: "), .send("5\r"),
            .expect("Before: "), .send("\r"), .expect(#"Any of these\? \[y/N\] "#), .send("\r"),
            .expect(#"Any of these\? \[y/N\] "#), .send("y"), .expect(#"\? \[y/N\] "#), .send("y"),
        ] + (0..<3).flatMap { _ in [Step.expect(#"\? \[y/N\] "#), .send("n")] }
          + (0..<2).flatMap { _ in [Step.expect(#"Any of these\? \[y/N\] "#), .send("n")] }
          + [.expect(#"Note \(optional"#), .send("\r"), .expect("Press Enter"), .send("\r")]
        let outcome = try TerminalSession.run(spasm, ["log"], steps: steps, environment: ["NO_COLOR": "1"])
        #expect(outcome.failed == nil, "\(outcome.transcript)")
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.transcript.contains("URGENT: get medical help now."))
        #expect(!outcome.transcript.contains("\u{1B}["), "no escape sequence was needed, so none was written")
    }

    @Test func noInputRefusesOnATerminalToo() throws {
        let spasm = SpasmRunner()
        let outcome = try TerminalSession.run(spasm, ["log", "--no-input"], steps: [])
        #expect(outcome.status == 64, "\(outcome.transcript)")
        #expect(outcome.transcript.contains("spasm: region: missing"))
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }

    @Test func givenValuesAreNotAskedAgain() throws {
        let spasm = SpasmRunner()
        let steps: [Step] = [
            .expect("Severity: "), .send("2\r"),
        ] + Self.noRedFlags + [.expect("To log: neck 2/10, open · after lifting"), .send("\r")]
        let outcome = try TerminalSession.run(spasm, ["log", "neck", "--trigger", "lifting", "--note", "given"], steps: steps)
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(!outcome.transcript.contains("Region"))
        #expect(!outcome.transcript.contains("Note (optional"))
        #expect(try #require(spasm.entries().last)["note"] as? String == "given")
    }

    /// Scripts never meet a question: with standard input from /dev/null the old error comes at once.
    @Test func offATerminalNothingIsAsked() throws {
        let spasm = SpasmRunner()
        // timeout(1) ends a program that waits for input: status 124 instead of 64.
        let result = try spasm.run("/bin/sh", ["-c", "exec timeout 10 \"$0\" log </dev/null", SpasmRunner.binary("spasm")])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("spasm: region: missing"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }
}
