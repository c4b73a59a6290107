import DesktopSession
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// spasmd's reminders on a real desktop: dunst under Xvfb on a private session bus, the real
/// binaries, a real journal file. The user's clicks go through dunst's menu (`dunstctl context`).
@Suite struct DesktopTests {
    let spasm = SpasmRunner()
    let desktop: DesktopSession

    init() throws {
        desktop = try DesktopSession()
        try spasm.writeQuietlessConfig(reminders: "ice_minutes = 1\nsnooze_minutes = 1\nrelief_after_minutes = 0")
    }

    func startDaemon() throws -> DaemonRunner {
        try DaemonRunner(spasm, environment: ["DBUS_SESSION_BUS_ADDRESS": desktop.busAddress, "DISPLAY": desktop.display])
    }

    func shown(_ summary: String) -> [PrintedNotification] { desktop.printed().filter { $0.summary == summary } }

    func waitUntilShown(_ summary: String, count: Int = 1, timeout: Duration = .seconds(20)) -> Bool {
        DesktopSession.waitFor(timeout: timeout) { shown(summary).count >= count }
    }

    /// Picks `action` from dunst's menu until `done` holds: the menu lists only what dunst has on
    /// screen, and a notification printed a moment ago may still be waiting for its turn there.
    func choose(_ action: String, until done: () throws -> Bool) throws -> Bool {
        for _ in 0..<10 {
            try desktop.chooseFromMenu(action: action)
            if try DesktopSession.waitFor(timeout: .seconds(3), done) { return true }
        }
        return false
    }

    func treatments() throws -> [[String: Any]] {
        try spasm.entries().compactMap { $0["kind"] as? String == "treatment" ? $0["treatment"] as? [String: Any] : nil }
    }

    @Test func anEpisodeShowsIceWithItsButtonsAndDoneRecordsTheTreatment() throws {
        let daemon = try startDaemon()
        #expect(try spasm("log", "lower-back", "7").status == 0)
        #expect(waitUntilShown("Ice now, 1 min"), "\(desktop.printed())")
        let ice = try #require(shown("Ice now, 1 min").first)
        #expect(ice.urgency == "NORMAL")
        #expect(ice.category == "x-spasm.ice-on")
        #expect(ice.appname == "spasm")
        #expect(ice.desktopEntry == "spasm")
        #expect(ice.icon == "appointment-soon")
        // dunst prints actions in its own order.
        #expect(Set(ice.actions.map(\.key)) == ["done", "snooze", "skip"])
        #expect(Set(ice.actions.map(\.label)) == ["Done", "Snooze 1 min", "Skip"])
        #expect(ice.body?.contains("wrapped in a towel") == true)

        #expect(try choose("done") { try treatments().count == 1 })
        #expect(try treatments().first?["kind"] as? String == "ice")
        // The session is under way: a minute later the safety reminder takes the ice off.
        #expect(waitUntilShown("Ice off now", timeout: .seconds(90)), "\(desktop.printed().map(\.summary))")
        try desktop.chooseFromMenu(action: "done")
        // Then the question about relief; Better goes on the session's treatment.
        #expect(waitUntilShown("How is it after the ice?"))
        let question = try #require(shown("How is it after the ice?").first)
        #expect(question.urgency == "LOW")
        #expect(Set(question.actions.map(\.key)) == ["better", "same", "worse"])
        #expect(try choose("better") { try treatments().first?["relief"] as? Int == 5 }, "\(desktop.printed().map(\.summary))")
        #expect(daemon.stop() == 0)
    }

    @Test func spasmNotifyRunsOnlyWhileANotificationIsOnScreen() throws {
        let daemon = try startDaemon()
        let spasmd = daemon.process.processIdentifier
        let helpers = { ProcessTable.children(of: spasmd, named: "spasm-notify") }
        // At rest spasmd holds no notification machinery: no helper, and no libnotify in spasmd.
        #expect(helpers().isEmpty)
        let maps = try String(contentsOfFile: "/proc/\(spasmd)/maps", encoding: .utf8)
        #expect(!maps.contains("libnotify") && !maps.contains("libgio"))

        #expect(try spasm("log", "neck", "6").status == 0)
        #expect(waitUntilShown("Ice now, 1 min"), "\(desktop.printed())")
        #expect(helpers().count == 1)
        #expect(try choose("done") { try treatments().count == 1 })
        // Answered, the notification is gone, and so is the helper, until "ice off" is due.
        #expect(DesktopSession.waitFor(timeout: .seconds(20)) { helpers().isEmpty }, "\(helpers())")
        #expect(shown("Ice off now").isEmpty)
        #expect(waitUntilShown("Ice off now", timeout: .seconds(90)), "\(desktop.printed().map(\.summary))")
        #expect(helpers().count == 1)
        #expect(daemon.stop() == 0)
    }


    @Test func snoozeBringsTheReminderBackAfterTheSnoozeTime() throws {
        let daemon = try startDaemon()
        #expect(try spasm("log", "neck", "6").status == 0)
        #expect(waitUntilShown("Ice now, 1 min"))
        try desktop.chooseFromMenu(action: "snooze")
        let states = { (try JSONSerialization.jsonObject(with: Data(try spasm("reminders", "--json").stdout.utf8)) as? [String: Any])?["reminders"] as? [[String: Any]] ?? [] }
        #expect(try DesktopSession.waitFor { try states().contains { $0["kind"] as? String == "ice-on" && $0["state"] as? String == "snoozed" } })
        #expect(shown("Ice now, 1 min").count == 1)
        #expect(waitUntilShown("Ice now, 1 min", count: 2, timeout: .seconds(90)))
        #expect(try treatments().isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test func withDunstGoneSpasmdStaysUpAndDeliversWhenItReturns() throws {
        let daemon = try startDaemon()
        try desktop.killDunst()
        #expect(try spasm("log", "lower-back", "8", "--red-flag", "bladder-bowel").status == 0)
        let listed = { try spasm("reminders", "--json").stdout }
        #expect(try DesktopSession.waitFor { try listed().contains("\"undelivered\"") })
        #expect(daemon.process.isRunning)
        let status = try spasm("status")
        #expect(status.stdout.contains("No notification server"))

        try desktop.startDunst()
        #expect(waitUntilShown("Get medical help now"), "\(desktop.printed().map(\.summary))")
        let alert = try #require(shown("Get medical help now").first)
        #expect(alert.urgency == "CRITICAL")
        #expect(alert.category == "x-spasm.red-flag")
        #expect(shown("Get medical help now").count == 1)
        #expect(daemon.stop() == 0)
    }

    @Test func aRestartMidPlanShowsNothingTwiceAndLosesNothing() throws {
        var daemon: DaemonRunner? = try startDaemon()
        #expect(try spasm("log", "lower-back", "7").status == 0)
        #expect(waitUntilShown("Ice now, 1 min"))
        try desktop.chooseFromMenu(action: "done")
        #expect(try DesktopSession.waitFor { try treatments().count == 1 })
        // Killed mid-session, back at once: the ice stays shown once, the "off" still comes, once.
        kill(daemon!.process.processIdentifier, SIGKILL)
        daemon!.process.waitUntilExit()
        daemon = try startDaemon()
        #expect(waitUntilShown("Ice off now", timeout: .seconds(90)))
        usleep(1_500_000)
        #expect(shown("Ice now, 1 min").count == 1)
        #expect(shown("Ice off now").count == 1)
        #expect(try treatments().count == 1)
        #expect(daemon!.stop() == 0)
    }

    @Test func aNewSuggestionIsShownOnceAndReadMarksIt() throws {
        // Two ended episodes of severity 9 within 14 days: the specialist rule fires; no care is due now.
        for (start, end) in [("3d ago", "71h ago"), ("2d ago", "47h ago")] {
            #expect(try spasm("log", "neck", "9", "--at", start).status == 0)
            #expect(try spasm("end", "--at", end).status == 0)
        }
        let daemon = try startDaemon()
        #expect(try spasm("caffeine", "coffee", "--at", "1h ago").status == 0)
        #expect(DesktopSession.waitFor { desktop.printed().contains { $0.category == "x-spasm.suggestion" } },
               "\(desktop.printed().map(\.summary))")
        let suggestion = try #require(desktop.printed().first { $0.category == "x-spasm.suggestion" })
        #expect(suggestion.actions.map(\.key) == ["read"])
        #expect(suggestion.body?.contains("2 episodes at severity 8 or more") == true, "\(suggestion.body ?? "")")
        try desktop.chooseFromMenu(action: "read")
        // More writes: the same suggestion is not shown again.
        #expect(try spasm("caffeine", "tea").status == 0)
        #expect(try spasm("caffeine", "tea").status == 0)
        usleep(1_000_000)
        #expect(desktop.printed().filter { $0.summary == suggestion.summary }.count == 1)
        #expect(daemon.stop() == 0)
    }
}
