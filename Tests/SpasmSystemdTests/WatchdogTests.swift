import Foundation
import SpasmSystemd
import Testing

extension ProcessEnvironmentTests {
    @Suite struct WatchdogTests {
        let ownPID = String(getpid())

        @Test func readsTheIntervalSystemdSet() {
            let interval = withEnvironment(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": ownPID]) { Watchdog.interval() }
            #expect(interval == .seconds(4))
        }

        @Test func theIntervalIsStillThereOnTheNextCall() {
            let intervals = withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": nil]) {
                [Watchdog.interval(), Watchdog.interval()]
            }
            #expect(intervals == [.seconds(30), .seconds(30)])
        }

        @Test func noWatchdogWhenUnset() {
            #expect(withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) { Watchdog.interval() } == nil)
        }

        @Test func noWatchdogWhenItWatchesAnotherProcess() {
            let other = String(getppid())
            #expect(withEnvironment(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": other]) { Watchdog.interval() } == nil)
        }

        @Test(arguments: ["soon", "", "0"])
        func noWatchdogForAnIntervalThatIsNone(usec: String) {
            #expect(withEnvironment(["WATCHDOG_USEC": usec, "WATCHDOG_PID": ownPID]) { Watchdog.interval() } == nil)
        }
    }
}
