import Foundation
import SpasmSystemd
import Testing

extension ProcessEnvironmentTests {
    /// sd_notify against a real datagram socket standing in for systemd's.
    @Suite struct NotifySocketTests {
        @Test func theManagerHearsEachStateInOrder() throws {
            let scratch = try ScratchDirectory()
            let manager = try UnixDatagramReceiver(path: scratch.path + "/notify")
            try withEnvironment(["NOTIFY_SOCKET": manager.path]) {
                let notifier = SystemdNotifier()
                try notifier.ready(status: "Listening on spasmd.sock")
                try notifier.status("Next reminder: ice at 14:30")
                try notifier.watchdog()
                try notifier.stopping()
            }
            #expect(manager.queuedMessages() == [
                "READY=1\nSTATUS=Listening on spasmd.sock",
                "STATUS=Next reminder: ice at 14:30",
                "WATCHDOG=1",
                "STOPPING=1",
            ])
        }

        @Test func aStatusCannotSmuggleInAnotherAssignment() throws {
            let scratch = try ScratchDirectory()
            let manager = try UnixDatagramReceiver(path: scratch.path + "/notify")
            try withEnvironment(["NOTIFY_SOCKET": manager.path]) {
                try SystemdNotifier().status("Heat pad on\nREADY=1")
                try SystemdNotifier().stopping(status: "Saving\r\nthe journal")
            }
            #expect(manager.queuedMessages() == ["STATUS=Heat pad on READY=1", "STOPPING=1\nSTATUS=Saving the journal"])
        }

        @Test func watchdogPingsKeepArrivingBecauseTheSocketStaysSet() throws {
            let scratch = try ScratchDirectory()
            let manager = try UnixDatagramReceiver(path: scratch.path + "/notify")
            try withEnvironment(["NOTIFY_SOCKET": manager.path]) {
                try SystemdNotifier().ready()
                try SystemdNotifier().watchdog()
                try SystemdNotifier().watchdog()
                #expect(getenv("NOTIFY_SOCKET").map { String(cString: $0) } == manager.path)
            }
            #expect(manager.queuedMessages() == ["READY=1", "WATCHDOG=1", "WATCHDOG=1"])
        }

        @Test func withoutANotifySocketNothingIsSent() throws {
            let scratch = try ScratchDirectory()
            let manager = try UnixDatagramReceiver(path: scratch.path + "/notify")
            try withEnvironment(["NOTIFY_SOCKET": nil]) {
                try SystemdNotifier().ready(status: "started by hand")
                try SystemdNotifier().watchdog()
            }
            #expect(manager.queuedMessages().isEmpty)
        }

        @Test func aVanishedManagerIsReportedWithTheNotification() throws {
            let scratch = try ScratchDirectory()
            let error = withEnvironment(["NOTIFY_SOCKET": scratch.path + "/gone"]) {
                #expect(throws: ServiceNotificationError.self) { try SystemdNotifier().watchdog() }
            }
            #expect(error?.notification == .watchdog)
            #expect(error?.errno == ENOENT)
            #expect(error?.description.contains("\"WATCHDOG=1\"") == true)
        }
    }
}

@Suite struct RecordingNotifierTests {
    @Test func keepsTheNotificationsInOrder() throws {
        let notifier = RecordingNotifier()
        try notifier.ready(status: "Listening")
        try notifier.watchdog()
        try notifier.stopping(status: nil)
        #expect(notifier.notifications == [.ready(status: "Listening"), .watchdog, .stopping(status: nil)])
        #expect(notifier.notifications.map(\.message) == ["READY=1\nSTATUS=Listening", "WATCHDOG=1", "STOPPING=1"])
    }
}
