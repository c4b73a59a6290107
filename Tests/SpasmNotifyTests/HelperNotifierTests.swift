import DesktopSession
import Foundation
import SpasmNotify
import Testing

/// HelperNotifier against a real notification server: the `spasm-notify` it starts shows through
/// dunst, and runs only while something needs it.
@Suite struct HelperNotifierTests {
    let stretch = DesktopNotification(
        key: "r4", summary: "PT: neck stretches", body: "Your routine is due.", urgency: .normal,
        category: "x-spasm.pt", actions: [.init("done", "Done"), .init("skip", "Skip")])

    @Test func theHelperRunsOnlyWhileANotificationIsOnScreen() throws {
        let desktop = try DesktopSession()
        let driver = Driver(on: desktop)
        #expect(driver.notifier.helperProcess == nil)

        let helper = try #require(driver.showAndWait(stretch), "\(driver.events)")
        #expect(ProcessTable.children(of: getpid(), named: "spasm-notify").contains(helper))
        #expect(desktop.printed().last?.summary == "PT: neck stretches")

        try desktop.chooseFromMenu(action: "done")
        #expect(driver.waitFor { $0.contains(.action(key: "r4", action: "done")) }, "\(driver.events)")
        driver.notifier.close(key: "r4")
        #expect(driver.waitFor { $0.contains(.closed(key: "r4")) }, "\(driver.events)")
        // Nothing on screen: told to end, it exits and is collected.
        #expect(driver.waitUntilGone(helper), "helper \(helper) still runs")
        #expect(driver.notifier.helperProcess == nil)
        // Its first sight of the server is no news to spasmd.
        #expect(!driver.events.contains(.serverAppeared))

        // The next notification starts a new one.
        let next = try #require(driver.showAndWait(stretch), "\(driver.events)")
        #expect(next != helper)
    }

    @Test func theUserDismissingTheLastNotificationEndsTheHelperToo() throws {
        let desktop = try DesktopSession()
        let driver = Driver(on: desktop)
        let helper = try #require(driver.showAndWait(stretch), "\(driver.events)")
        try desktop.closeAll()
        #expect(driver.waitFor { $0.contains(.closed(key: "r4")) }, "\(driver.events)")
        #expect(driver.waitUntilGone(helper), "helper \(helper) still runs")
    }

    @Test func aNotificationReplacedUnderANewKeyLeavesNothingToWaitForOnceTheNewOneCloses() throws {
        let desktop = try DesktopSession()
        let driver = Driver(on: desktop)
        let helper = try #require(driver.showAndWait(stretch), "\(driver.events)")
        var group = stretch
        group.key = "r4-5"
        group.summary = "2 reminders"
        group.replaces = ["r4"]
        driver.notifier.show(group)
        #expect(driver.waitFor { $0.contains(.shown(key: "r4-5")) }, "\(driver.events)")
        #expect(try desktop.count().displayed == 1)
        driver.notifier.close(key: "r4-5")
        #expect(driver.waitFor { $0.contains(.closed(key: "r4-5")) }, "\(driver.events)")
        // The replaced "r4" is not waited for: the helper ends.
        #expect(driver.waitUntilGone(helper), "helper \(helper) still runs")
    }

    @Test func withoutAServerTheHelperStaysToSeeOneAppear() throws {
        let desktop = try DesktopSession()
        try desktop.killDunst()
        let driver = Driver(on: desktop)
        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.contains(where: Driver.failed("r4")) }, "\(driver.events)")
        #expect(driver.waitFor { $0.contains(.serverVanished) }, "\(driver.events)")
        let helper = try #require(driver.notifier.helperProcess)
        #expect(ProcessTable.children(of: getpid(), named: "spasm-notify").contains(helper))

        try desktop.startDunst()
        #expect(driver.waitFor { $0.contains(.serverAppeared) }, "\(driver.events)")
        #expect(driver.showAndWait(stretch) != nil, "\(driver.events)")
    }

    @Test func aHelperThatDiesTakesItsNotificationsAndTheNextShowStartsAnother() throws {
        let desktop = try DesktopSession()
        let driver = Driver(on: desktop)
        let helper = try #require(driver.showAndWait(stretch), "\(driver.events)")
        kill(helper, SIGKILL)
        // Its buttons can no longer answer: closed, as far as spasmd can know.
        #expect(driver.waitFor { $0.contains(.closed(key: "r4")) }, "\(driver.events)")
        #expect(driver.notifier.helperProcess == nil)

        #expect(driver.showAndWait(stretch) != nil, "\(driver.events)")
        try desktop.chooseFromMenu(action: "skip")
        #expect(driver.waitFor { $0.contains(.action(key: "r4", action: "skip")) }, "\(driver.events)")
    }

    @Test func withoutASessionBusTheHelperEndsAndTheShowFails() throws {
        let emptyRuntime = "/tmp/spasm-nobus-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: emptyRuntime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: emptyRuntime) }
        let driver = Driver(environment: ["PATH": "/usr/bin:/bin", "HOME": emptyRuntime, "XDG_RUNTIME_DIR": emptyRuntime])
        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.contains(where: Driver.failed("r4")) }, "\(driver.events)")
        #expect(driver.events.first == .serverVanished)
        // No helper waits for a server that cannot come.
        #expect(driver.waitFor { _ in driver.notifier.helperProcess == nil })
    }

    @Test func aMissingHelperFailsTheShowWithItsPath() {
        let notifier = HelperNotifier(executable: "/nonexistent/spasm-notify")
        notifier.show(stretch)
        let events = notifier.takeEvents()
        guard case .failed(key: "r4", let reason)? = events.first else {
            Issue.record("expected a failure, got \(events)")
            return
        }
        #expect(reason.contains("/nonexistent/spasm-notify"))
        #expect(notifier.helperProcess == nil)
    }
}

/// Runs a HelperNotifier on a private desktop the way spasmd's loop does: waits on its descriptor
/// and collects what `takeEvents` returns.
private final class Driver {
    let notifier: HelperNotifier
    private(set) var events: [NotifierEvent] = []

    convenience init(on desktop: DesktopSession) {
        self.init(environment: desktop.environment.merging(["PATH": "/usr/bin:/bin", "HOME": desktop.directory]) { $1 })
    }

    init(environment: [String: String]) {
        notifier = HelperNotifier(executable: NotifyProbe.path, arguments: ["spasm"], environment: environment)
    }

    /// Shows `notification` and waits until the server took it; the helper that showed it.
    func showAndWait(_ notification: DesktopNotification) -> pid_t? {
        let before = events.filter { $0 == .shown(key: notification.key) }.count
        notifier.show(notification)
        guard waitFor({ $0.filter { $0 == .shown(key: notification.key) }.count > before }) else { return nil }
        return notifier.helperProcess
    }

    /// Drives the notifier until process `pid` has exited and been collected.
    func waitUntilGone(_ pid: pid_t) -> Bool {
        waitFor { _ in !FileManager.default.fileExists(atPath: "/proc/\(pid)") }
    }

    /// Matches a failed show of `key`, whatever the reason.
    static func failed(_ key: String) -> (NotifierEvent) -> Bool {
        { if case .failed(key, _) = $0 { true } else { false } }
    }

    /// Drives the notifier until `condition` holds for everything reported so far (10 s at most).
    func waitFor(_ condition: ([NotifierEvent]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            events += notifier.takeEvents()
            if condition(events) { return true }
            var ready = pollfd(fd: notifier.eventDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&ready, 1, 100)
        }
        events += notifier.takeEvents()
        return condition(events)
    }
}
