import Foundation

extension DesktopSession {
    /// Polls `condition` until it holds or `timeout` has passed; true when it held. The timeout
    /// only bounds a hang: tests assert that something happens, never how fast.
    public static func waitFor(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try condition() { return true }
            if ContinuousClock.now >= deadline { return false }
            usleep(20_000)
        }
    }
}
