import CSystemd

/// The watchdog systemd keeps for this service (`WatchdogSec=` in the unit).
public enum Watchdog {
    /// How long systemd waits for a ping before it considers the service hung, or nil when no
    /// watchdog watches this process (`WATCHDOG_USEC` unset, unparsable, or `WATCHDOG_PID` another pid).
    ///
    /// Ping with ``ServiceNotifying/watchdog()`` at half of it, as sd_watchdog_enabled(3) advises.
    public static func interval() -> Duration? {
        var microseconds: UInt64 = 0
        // 0: keep WATCHDOG_USEC/WATCHDOG_PID, so a later call still sees them.
        guard sd_watchdog_enabled(0, &microseconds) > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds))
    }
}
