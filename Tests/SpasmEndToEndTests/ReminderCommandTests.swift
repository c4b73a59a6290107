import Foundation
import Testing

/// `spasm reminders|done|snooze|skip|relief|pause|resume|status` on the real binaries, with spasmd
/// down and up: the commands work on the journal file either way, and say nothing about spasmd.
@Suite struct ReminderCommandTests {
    func json(_ result: SpasmRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    func reminders(_ spasm: SpasmRunner) throws -> [[String: Any]] {
        let result = try spasm("reminders", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        return try json(result)["reminders"] as? [[String: Any]] ?? []
    }

    /// A config with quiet hours that never cover the test's moment and no PT, so an episode's ice comes at once.
    func quietlessConfig(_ spasm: SpasmRunner) throws { try spasm.writeQuietlessConfig() }

    @Test func anEpisodeBringsIceThatDoneRecordsOnceOnly() throws {
        let spasm = SpasmRunner()
        try quietlessConfig(spasm)
        #expect(try spasm("log", "lower-back", "7").status == 0)
        let listed = try reminders(spasm)
        let ice = try #require(listed.first { $0["kind"] as? String == "ice-on" })
        #expect(ice["answers"] as? [String] == ["done", "snooze", "skip"])
        let number = try #require(ice["number"] as? Int)

        let text = try spasm("reminders")
        #expect(text.stdout.contains("\(number)  "))
        #expect(text.stdout.contains("Ice now, 15 min"))
        #expect(text.stdout.contains("why: ice 1, lower-back episode of"))

        let done = try spasm("done", "\(number)")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Reminder \(number) (ice-on) done; recorded as treatment #"))
        #expect(try spasm("done", "\(number)").status == 0)
        let treatments = try spasm.entries().filter { $0["kind"] as? String == "treatment" }
        #expect(treatments.count == 1)
        #expect((treatments.first?["treatment"] as? [String: Any])?["kind"] as? String == "ice")
        // The session under way now has its "ice off" in the list.
        #expect(try reminders(spasm).contains { $0["kind"] as? String == "ice-off" })
    }

    @Test func badAnswersExit64AndWriteNothing() throws {
        let spasm = SpasmRunner()
        try quietlessConfig(spasm)
        #expect(try spasm("log", "neck", "5").status == 0)
        let number = try #require(try reminders(spasm).first?["number"] as? Int)

        let unknown = try spasm("snooze", "999")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("there is no reminder 999"))
        let wrong = try spasm("relief", "\(number)", "better")
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("takes done, snooze, skip"))
        #expect(try spasm("relief", "\(number)", "great").status == 64)
        #expect(try spasm("done", "seventeen").status == 64)
        #expect(try spasm.entries().filter { $0["kind"] as? String == "treatment" }.isEmpty)
        // Skipped, it cannot then be done.
        #expect(try spasm("skip", "\(number)").status == 0)
        let late = try spasm("done", "\(number)")
        #expect(late.status == 64)
        #expect(late.stderr.contains("already skipped"))
    }

    @Test func pauseHoldsRemindersUntilResume() throws {
        let spasm = SpasmRunner()
        try quietlessConfig(spasm)
        #expect(try spasm("log", "neck", "5").status == 0)
        let paused = try spasm("pause", "2h", "--json")
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(try json(paused)["until"] is String)
        let listed = try spasm("reminders", "--json")
        #expect(try json(listed)["paused_until"] is String)
        // The ice moved to the end of the pause.
        let ice = try #require(try reminders(spasm).first { $0["kind"] as? String == "ice-on" })
        #expect(ice["due"] as? String == (try json(paused)["until"] as? String))

        #expect(try spasm("pause").status == 64)
        #expect(try spasm("pause", "2h", "--until", "18:00").status == 64)
        #expect(try spasm("pause", "--until", "25:00").status == 64)
        #expect(try spasm("pause", "soon").status == 64)
        #expect(try spasm("resume").stdout.contains("Reminders resumed."))
        #expect(try spasm("resume").stdout.contains("Reminders were not paused."))
        #expect(try json(try spasm("reminders", "--json"))["paused_until"] == nil)
    }

    @Test func statusSaysWhenSpasmdIsNotRunning() throws {
        let spasm = SpasmRunner()
        spasm.extraEnvironment["XDG_RUNTIME_DIR"] = spasm.home + "/no-run"
        let text = try spasm("status")
        #expect(text.status == 0)
        #expect(text.stdout.contains("spasmd is not running"))
        let bar = try json(try spasm("status", "--waybar"))
        #expect(bar["class"] as? String == "stopped")
        #expect(bar["text"] as? String == "spasm off")
        #expect(try json(try spasm("status", "--json"))["running"] as? Bool == false)
    }

    @Test func withSpasmdRunningTheSameRemindersAndTheStatusLine() throws {
        let spasm = SpasmRunner()
        try quietlessConfig(spasm)
        #expect(try spasm("log", "lower-back", "6").status == 0)
        let pairs = { (list: [[String: Any]]) in list.map { "\($0["number"] as? Int ?? 0) \($0["kind"] as? String ?? "")" } }
        let direct = try reminders(spasm)
        let daemon = try DaemonRunner(spasm)
        let listed = try spasm("reminders", "--json")
        #expect(listed.stderr.isEmpty, "\(listed.stderr)")
        // The same reminders under the same numbers (once shown, a session also lists its "off").
        let served = pairs(try json(listed)["reminders"] as? [[String: Any]] ?? [])
        #expect(!direct.isEmpty)
        #expect(Set(pairs(direct)).isSubset(of: Set(served)), "\(served)")

        let status = try json(try spasm("status", "--json"))
        #expect(status["running"] as? Bool == true)
        #expect((status["status"] as? String)?.contains("reminders pending") == true)
        let bar = try json(try spasm("status", "--waybar"))
        #expect(["due", "pending"].contains(bar["class"] as? String))
        #expect(bar["tooltip"] as? String == status["status"] as? String)

        let number = try #require(direct.first?["number"] as? Int)
        let done = try spasm("done", "\(number)")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stderr.isEmpty, "\(done.stderr)")
        #expect(try spasm.entries().filter { $0["kind"] as? String == "treatment" }.count == 1)
        #expect(daemon.stop() == 0)
    }
}
