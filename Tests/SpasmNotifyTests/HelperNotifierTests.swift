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

        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.contains(.shown(key: "r4")) }, "\(driver.events)")
        let helper = try #require(driver.notifier.helperProcess)
        #expect(Driver.isRunningHelper(helper))
        #expect(desktop.printed().last?.summary == "PT: neck stretches")

        try desktop.chooseFromMenu(action: "done")
        #expect(driver.waitFor { $0.contains(.action(key: "r4", action: "done")) }, "\(driver.events)")
        driver.notifier.close(key: "r4")
        #expect(driver.waitFor { $0.contains(.closed(key: "r4")) }, "\(driver.events)")
        // Nothing on screen: told to end, it exits and is collected.
        #expect(driver.waitFor { _ in !FileManager.default.fileExists(atPath: "/proc/\(helper)") }, "helper \(helper) still runs")
        #expect(driver.notifier.helperProcess == nil)
        // Its first sight of the server is no news to spasmd.
        #expect(!driver.events.contains(.serverAppeared))

        // The next notification starts a new one.
        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.filter { $0 == .shown(key: "r4") }.count == 2 }, "\(driver.events)")
        #expect(driver.notifier.helperProcess.map { $0 != helper } == true)
    }

    @Test func theUserDismissingTheLastNotificationEndsTheHelperToo() throws {
        let desktop = try DesktopSession()
        let driver = Driver(on: desktop)
        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.contains(.shown(key: "r4")) }, "\(driver.events)")
        let helper = try #require(driver.notifier.helperProcess)
        try desktop.closeAll()
        #expect(driver.waitFor { $0.contains(.closed(key: "r4")) }, "\(driver.events)")
        #expect(driver.waitFor { _ in !FileManager.default.fileExists(atPath: "/proc/\(helper)") }, "helper \(helper) still runs")
    }

    @Test func withoutAServerTheHelperStaysToSeeOneAppear() throws {
        let desktop = try DesktopSession()
        try desktop.killDunst()
        let driver = Driver(on: desktop)
        driver.notifier.show(stretch)
        #expect(driver.waitFor { events in events.contains { if case .failed(key: "r4", _) = $0 { true } else { false } } }, "\(driver.events)")
        #expect(driver.waitFor { $0.contains(.serverVanished) }, "\(driver.events)")
        let helper = try #require(driver.notifier.helperProcess)
        #expect(Driver.isRunningHelper(helper))

        try desktop.startDunst()
        #expect(driver.waitFor { $0.contains(.serverAppeared) }, "\(driver.events)")
        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.contains(.shown(key: "r4")) }, "\(driver.events)")
    }

    @Test func aHelperThatDiesTakesItsNotificationsAndTheNextShowStartsAnother() throws {
        let desktop = try DesktopSession()
        let driver = Driver(on: desktop)
        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.contains(.shown(key: "r4")) }, "\(driver.events)")
        let helper = try #require(driver.notifier.helperProcess)
        kill(helper, SIGKILL)
        // Its buttons can no longer answer: closed, as far as spasmd can know.
        #expect(driver.waitFor { $0.contains(.closed(key: "r4")) }, "\(driver.events)")
        #expect(driver.notifier.helperProcess == nil)

        driver.notifier.show(stretch)
        #expect(driver.waitFor { $0.filter { $0 == .shown(key: "r4") }.count == 2 }, "\(driver.events)")
        try desktop.chooseFromMenu(action: "skip")
        #expect(driver.waitFor { $0.contains(.action(key: "r4", action: "skip")) }, "\(driver.events)")
    }

    @Test func withoutASessionBusTheHelperEndsAndTheShowFails() throws {
        let emptyRuntime = "/tmp/spasm-nobus-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: emptyRuntime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: emptyRuntime) }
        let driver = Driver(environment: ["PATH": "/usr/bin:/bin", "HOME": emptyRuntime, "XDG_RUNTIME_DIR": emptyRuntime])
        driver.notifier.show(stretch)
        #expect(driver.waitFor { events in events.contains { if case .failed(key: "r4", _) = $0 { true } else { false } } }, "\(driver.events)")
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

    /// Whether `pid` is a live spasm-notify started by this process (a zombie has exited).
    static func isRunningHelper(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return false }
        let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
        return stat[stat.index(after: open)..<close] == "spasm-notify" && fields.count > 1 && fields[0] != "Z"
            && Int32(fields[1]) == getpid()
    }
}
