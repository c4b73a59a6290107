import DesktopSession
import Foundation
import SpasmNotify
import Testing

/// LibnotifyNotifier against a real notification server: dunst on a private bus and display.
@Suite struct LibnotifyNotifierTests {
    let iceReminder = DesktopNotification(
        key: "r1", summary: "Ice time", body: "Ice the neck for 15 minutes.", urgency: .critical,
        category: "x-spasm.reminder.ice", icon: "appointment-soon",
        actions: [.init("done", "Done"), .init("snooze", "Snooze"), .init("skip", "Skip")],
        withoutActions: "Done: spasm done 17")

    /// A private desktop with the ice reminder shown on it as "r1".
    func iceOnScreen() throws -> (DesktopSession, NotifyProbe) {
        let desktop = try DesktopSession()
        let probe = try NotifyProbe(on: desktop)
        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1")), "\(probe.transcript)")
        return (desktop, probe)
    }

    @Test func dunstShowsTheReminderAsSentAndTheChosenActionComesBack() throws {
        let desktop = try DesktopSession()
        let probe = try NotifyProbe(on: desktop)
        #expect(probe.waitFor(.serverAppeared), "\(probe.transcript)")

        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1")), "\(probe.transcript)")
        let printed = try #require(desktop.printed().last)
        #expect(printed.appname == "spasm")
        #expect(printed.summary == "Ice time")
        #expect(printed.body == "Ice the neck for 15 minutes.")
        #expect(printed.urgency == "CRITICAL")
        #expect(printed.category == "x-spasm.reminder.ice")
        #expect(printed.icon == "appointment-soon")
        #expect(printed.desktopEntry == "spasm")
        #expect(printed.actions == [.init("done", "Done"), .init("snooze", "Snooze"), .init("skip", "Skip")])

        try desktop.chooseFromMenu(action: "snooze")
        #expect(probe.waitFor(.action(key: "r1", action: "snooze")), "\(probe.transcript)")
        #expect(probe.process.finish() == 0)
    }

    @Test func aCriticalReminderNeverExpiresAndOthersTakeTheServersTimeout() throws {
        let desktop = try DesktopSession(timeout: 600)
        let probe = try NotifyProbe(on: desktop)
        var stretch = iceReminder
        stretch.key = "r2"
        stretch.urgency = .normal
        try probe.show(iceReminder)
        try probe.show(stretch)
        #expect(probe.waitFor(.shown(key: "r2")), "\(probe.transcript)")
        let printed = desktop.printed()
        // dunst prints milliseconds; 0 means it stays until the user acts.
        #expect(printed.map(\.urgency) == ["CRITICAL", "NORMAL"])
        #expect(printed.map(\.timeout) == ["0", "600000"])
    }

    @Test func closingByKeyRemovesItFromScreenAndReportsClosed() throws {
        let (desktop, probe) = try iceOnScreen()
        #expect(try desktop.count().displayed == 1)

        probe.close(key: "r1")
        #expect(probe.waitFor(.closed(key: "r1")), "\(probe.transcript)")
        #expect(try desktop.count() == NotificationCount(waiting: 0, displayed: 0, history: 1))
        #expect(try desktop.history().first?.category == "x-spasm.reminder.ice")
    }

    @Test func theUserDismissingItReportsClosed() throws {
        let (desktop, probe) = try iceOnScreen()
        try desktop.closeAll()
        #expect(probe.waitFor(.closed(key: "r1")), "\(probe.transcript)")
    }

    @Test func showingAKeyAgainReplacesItsNotification() throws {
        let (desktop, probe) = try iceOnScreen()
        var later = iceReminder
        later.summary = "Ice time (snoozed)"
        later.actions = [.init("done", "Done")]
        try probe.show(later)
        #expect(probe.waitFor(.shown(key: "r1"), times: 2), "\(probe.transcript)")

        #expect(try desktop.count().displayed == 1)
        let printed = desktop.printed()
        #expect(printed.count == 2)
        #expect(printed.last?.id == printed.first?.id)
        #expect(printed.last?.summary == "Ice time (snoozed)")
        #expect(printed.last?.actions == [.init("done", "Done")])
        // Its action still reaches the sender after the replacement.
        try desktop.chooseFromMenu(action: "done")
        #expect(probe.waitFor(.action(key: "r1", action: "done")), "\(probe.transcript)")
    }

    @Test func aGroupThatTakesInAReminderOnScreenReplacesItsNotification() throws {
        let (desktop, probe) = try iceOnScreen()
        var group = iceReminder
        group.key = "r1-2"
        group.summary = "2 reminders"
        group.replaces = ["r1"]
        try probe.show(group)
        #expect(probe.waitFor(.shown(key: "r1-2")), "\(probe.transcript)")
        // One notification on screen, the same server id: replaced, not stacked.
        #expect(try desktop.count().displayed == 1)
        let printed = desktop.printed()
        #expect(printed.map(\.summary) == ["Ice time", "2 reminders"])
        #expect(printed.last?.id == printed.first?.id)
        try desktop.chooseFromMenu(action: "done")
        #expect(probe.waitFor(.action(key: "r1-2", action: "done")), "\(probe.transcript)")
    }

    @Test func aReminderShownAgainAfterItsNotificationClosedTakesItsServerIDBack() throws {
        let (desktop, probe) = try iceOnScreen()
        // Snoozed: spasmd closed it; ten minutes later it comes back in a group.
        probe.close(key: "r1")
        #expect(probe.waitFor(.closed(key: "r1")), "\(probe.transcript)")
        var again = iceReminder
        again.key = "r1-3"
        again.replaces = ["r1"]
        try probe.show(again)
        #expect(probe.waitFor(.shown(key: "r1-3")), "\(probe.transcript)")
        let printed = desktop.printed()
        #expect(printed.count == 2)
        #expect(printed.last?.id == printed.first?.id)
    }

    @Test func aRestartedServerIsSeenAndShowsAgain() throws {
        let desktop = try DesktopSession()
        let probe = try NotifyProbe(on: desktop)
        #expect(probe.waitFor(.serverAppeared), "\(probe.transcript)")
        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1")), "\(probe.transcript)")

        try desktop.killDunst()
        #expect(probe.waitFor(.serverVanished), "\(probe.transcript)")
        var stretch = iceReminder
        stretch.key = "r2"
        try probe.show(stretch)
        // Nothing is queued: spasmd hears that it failed, and shows it again once a server appears.
        let failure = probe.firstEvent { if case .failed(key: "r2", _) = $0 { true } else { false } }
        #expect(failure != nil, "\(probe.transcript)")

        try desktop.startDunst()
        #expect(probe.waitFor(.serverAppeared, times: 2), "\(probe.transcript)")
        try probe.show(stretch)
        #expect(probe.waitFor(.shown(key: "r2")), "\(probe.transcript)")
        #expect(desktop.printed().last?.summary == "Ice time")
        // The new server's signals reach the notifier too.
        try desktop.chooseFromMenu(action: "skip")
        #expect(probe.waitFor(.action(key: "r2", action: "skip")), "\(probe.transcript)")
    }

    @Test func aServerThatCrashedIsSeenGoneToo() throws {
        let (desktop, probe) = try iceOnScreen()
        try desktop.killDunst(signal: SIGKILL)
        #expect(probe.waitFor(.serverVanished), "\(probe.transcript)")
        try desktop.startDunst()
        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1"), times: 2), "\(probe.transcript)")
        #expect(try desktop.count().displayed == 1)
    }

    @Test func withoutAnyServerTheStartSaysSoAndShowsFail() throws {
        let desktop = try DesktopSession()
        try desktop.killDunst()
        let probe = try NotifyProbe(on: desktop)
        #expect(probe.waitFor(.serverVanished), "\(probe.transcript)")
        try probe.show(iceReminder)
        let failure = probe.firstEvent { if case .failed(key: "r1", _) = $0 { true } else { false } }
        #expect(failure != nil, "\(probe.transcript)")
        #expect(!probe.events.contains(.serverAppeared))

        // The first server to come is found and used, actions and all.
        try desktop.startDunst()
        #expect(probe.waitFor(.serverAppeared), "\(probe.transcript)")
        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1")), "\(probe.transcript)")
        try desktop.chooseFromMenu(action: "done")
        #expect(probe.waitFor(.action(key: "r1", action: "done")), "\(probe.transcript)")
    }

    @Test func aServerWithoutActionsGetsTheCommandInTheBodyAndTheNextServerGetsButtons() throws {
        let desktop = try DesktopSession()
        try desktop.killDunst()
        let fake = try FakeNotificationServer(on: desktop)
        let probe = try NotifyProbe(on: desktop)
        #expect(probe.waitFor(.serverAppeared), "\(probe.transcript)")
        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1")), "\(probe.transcript)")
        let received = try #require(fake.received.last, "\(fake.process.errors)")
        #expect(received.actions.isEmpty)
        #expect(received.body == "Ice the neck for 15 minutes.\nDone: spasm done 17")
        #expect(received.hints["category"] == "x-spasm.reminder.ice")

        // Capabilities are read again for each server that appears.
        fake.process.stop()
        #expect(probe.waitFor(.serverVanished), "\(probe.transcript)")
        try desktop.startDunst()
        #expect(probe.waitFor(.serverAppeared, times: 2), "\(probe.transcript)")
        try probe.show(iceReminder)
        #expect(probe.waitFor(.shown(key: "r1"), times: 2), "\(probe.transcript)")
        #expect(desktop.printed().last?.actions.count == 3)
        #expect(desktop.printed().last?.body == "Ice the neck for 15 minutes.")
    }

    @Test func withoutASessionBusItSaysNoServerAndEnds() throws {
        let emptyRuntime = "/tmp/spasm-nobus-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: emptyRuntime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: emptyRuntime) }
        let probe = try NotifyProbe(environment: ["PATH": "/usr/bin:/bin", "HOME": emptyRuntime, "XDG_RUNTIME_DIR": emptyRuntime])
        #expect(probe.waitFor(.serverVanished), "\(probe.transcript)")
        // Nothing could ever appear: it ends (EX_UNAVAILABLE) rather than wait, and says why.
        #expect(probe.process.finish() == 69, "\(probe.transcript)")
        #expect(probe.process.errors.contains("no session bus"))
    }
}
