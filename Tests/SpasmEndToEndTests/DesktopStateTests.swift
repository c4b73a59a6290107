import DesktopSession
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Do-not-disturb, a locked screen and suspend, from real parts: dunst's own pause, stand-ins of
/// logind (on a private system bus), KDE Plasma's notification server and screen saver (python3-dbus),
/// GNOME's setting through the real gsettings and dconf-service; the built spasmd and spasm.
@Suite(.serialized) struct DesktopStateTests {
    let spasm = SpasmRunner()
    let desktop: DesktopSession
    let system: PrivateSystemBus

    init() throws {
        desktop = try DesktopSession()
        system = try PrivateSystemBus(in: desktop.directory)
        try spasm.writeQuietlessConfig(reminders: "ice_minutes = 1")
    }

    func startDaemon(_ extra: [String: String] = [:]) throws -> DaemonRunner {
        try DaemonRunner(spasm, environment: ["DBUS_SESSION_BUS_ADDRESS": desktop.busAddress, "DISPLAY": desktop.display]
                         .merging(system.environment) { $1 }.merging(extra) { $1 })
    }

    /// `spasm status --json`.
    func status() throws -> [String: Any] {
        let result = try spasm("status", "--json")
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    func waitUntilHeld(_ reason: String?) throws -> Bool {
        try DesktopSession.waitFor(timeout: .seconds(10)) { try status()["held"] as? String == reason }
    }

    func printed(_ summary: String) -> Int { desktop.printed().filter { $0.summary == summary }.count }

    @Test func dunstPausedHoldsTheReminderAndUnpausingShowsItOnceWithinTwoSeconds() throws {
        let daemon = try startDaemon()
        try desktop.setPaused(true)
        #expect(try waitUntilHeld("do-not-disturb"))
        #expect(try spasm("log", "lower-back", "7").status == 0)
        // Given time to show it, spasmd sends nothing: dunst received nothing and queues nothing.
        usleep(2_000_000)
        #expect(desktop.printed().isEmpty)
        #expect(try desktop.count() == NotificationCount(waiting: 0, displayed: 0, history: 0))
        let held = try status()
        #expect(held.object("next")["state"] as? String == "held")
        #expect(held.object("next")["kind"] as? String == "ice-on")
        #expect((held["status"] as? String)?.contains("held: do-not-disturb") == true)
        let waybar = try JSONSerialization.jsonObject(with: Data(try spasm("status", "--waybar").stdout.utf8)) as? [String: Any]
        #expect(waybar?["class"] as? String == "held")
        #expect(waybar?["text"] as? String == "held: do-not-disturb")
        #expect(try spasm("status").stdout.contains("Held: do-not-disturb"))

        try desktop.setPaused(false)
        #expect(DesktopSession.waitFor(timeout: .seconds(2)) { printed("Ice now, 1 min") == 1 }, "\(desktop.printed().map(\.summary))")
        usleep(1_000_000)
        #expect(printed("Ice now, 1 min") == 1)
        #expect(try desktop.count().displayed == 1)
        #expect(try status()["held"] == nil)
        #expect(daemon.stop() == 0)
    }

    /// dunst 1.9 queues every notification while paused, critical ones too (no rule lets one through;
    /// dunst 1.10 added pause levels for that). spasmd sends a red flag at once all the same: it waits
    /// in dunst's queue and is the first thing on screen when the user unpauses.
    @Test func aRedFlagWhilePausedIsSentAtOnceAndDunstQueuesItUntilUnpaused() throws {
        let daemon = try startDaemon()
        try desktop.setPaused(true)
        #expect(try waitUntilHeld("do-not-disturb"))
        #expect(try spasm("log", "neck", "8", "--red-flag", "arm-weakness").status == 0)
        #expect(DesktopSession.waitFor(timeout: .seconds(10)) { printed("Get medical help now") == 1 })
        #expect(desktop.printed().first?.urgency == "CRITICAL")
        #expect(try desktop.count() == NotificationCount(waiting: 1, displayed: 0, history: 0))
        #expect(printed("Ice now, 1 min") == 0)
        try desktop.setPaused(false)
        #expect(DesktopSession.waitFor(timeout: .seconds(5)) { (try? desktop.count().displayed) == 2 })
        #expect(printed("Get medical help now") == 1)
        #expect(daemon.stop() == 0)
    }

    @Test func logindLockedHintHoldsRemindersAndSleepThenResumeShowsThemOnce() throws {
        let logind = try desktop.launch(.logind, system: system)
        let daemon = try startDaemon()
        let session = "/org/freedesktop/login1/session/_32"
        try desktop.drive("org.freedesktop.login1", session, "SetLocked", true, system: system)
        #expect(try waitUntilHeld("screen locked"))
        #expect(try spasm("log", "lower-back", "7").status == 0)
        usleep(1_500_000)
        #expect(desktop.printed().isEmpty)
        try desktop.drive("org.freedesktop.login1", session, "SetLocked", false, system: system)
        #expect(DesktopSession.waitFor(timeout: .seconds(2)) { printed("Ice now, 1 min") == 1 })

        // Suspend with the lock on, as a desktop does; the ice-off falls due meanwhile.
        try desktop.drive("org.freedesktop.login1", "/org/freedesktop/login1", "Sleep", true, system: system)
        try desktop.drive("org.freedesktop.login1", session, "SetLocked", true, system: system)
        #expect(try waitUntilHeld("screen locked"))
        #expect(DesktopSession.waitFor(timeout: .seconds(90)) { (try? status().object("next")["state"] as? String) == "held" })
        #expect(printed("Ice off now") == 0)
        try desktop.drive("org.freedesktop.login1", "/org/freedesktop/login1", "Sleep", false, system: system)
        try desktop.drive("org.freedesktop.login1", session, "SetLocked", false, system: system)
        #expect(DesktopSession.waitFor(timeout: .seconds(2)) { printed("Ice off now") == 1 })
        usleep(1_000_000)
        #expect(printed("Ice off now") == 1)
        #expect(printed("Ice now, 1 min") == 1)
        #expect(daemon.stop() == 0)
        let log = daemon.log()
        #expect(log.contains("the machine is going to sleep") && log.contains("resumed from suspend"), "\(log)")
        logind.stop()
    }

    @Test func plasmaInhibitedAndItsScreenSaverHoldRemindersUntilTheyEnd() throws {
        try desktop.killDunst()
        let plasma = try desktop.launch(.plasma)
        let daemon = try startDaemon()
        let notifies = { plasma.output.filter { $0.hasPrefix("notify ") } }
        try desktop.drive("org.freedesktop.Notifications", "/org/freedesktop/Notifications", "SetInhibited", true)
        #expect(try waitUntilHeld("do-not-disturb"))
        #expect(try spasm("log", "lower-back", "7").status == 0)
        usleep(1_500_000)
        #expect(notifies().isEmpty)
        // Locked as well: the lock names the hold; do-not-disturb ending alone releases nothing.
        try desktop.drive("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "SetActive", true)
        #expect(try waitUntilHeld("screen locked"))
        try desktop.drive("org.freedesktop.Notifications", "/org/freedesktop/Notifications", "SetInhibited", false)
        #expect(try waitUntilHeld("screen locked"))
        usleep(1_000_000)
        #expect(notifies().isEmpty)
        try desktop.drive("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "SetActive", false)
        #expect(DesktopSession.waitFor(timeout: .seconds(2)) { notifies().count == 1 }, "\(plasma.output) \(plasma.errors)")
        #expect(notifies().first == "notify 0 Ice now, 1 min")
        #expect(try status()["held"] == nil)
        #expect(daemon.stop() == 0)
    }

    /// GNOME keeps do-not-disturb in dconf (org.gnome.desktop.notifications show-banners). The test
    /// uses GNOME's own parts: dconf-service on the session bus writes the setting for `gsettings set`
    /// and announces it, and spasmd reads it back with `gsettings get`.
    @Test func gnomeShowBannersOffHoldsRemindersUntilItIsOnAgain() throws {
        let dconf = try desktop.launch("/usr/libexec/dconf-service", environment: ["HOME": spasm.home])
        // gsettings exits 0 when dconf-service is not on the bus yet (it only warns), so wait for its name.
        try #require(DesktopSession.waitFor(timeout: .seconds(10)) { try desktop.ownsName("ca.desrt.dconf") }, "\(dconf.errors)")
        let gsettings = { (value: String) throws in
            let result = try spasm.run("/usr/bin/env", ["DBUS_SESSION_BUS_ADDRESS=\(desktop.busAddress)", "GSETTINGS_BACKEND=dconf",
                                                        "gsettings", "set", "org.gnome.desktop.notifications", "show-banners", value])
            try #require(result.status == 0 && !result.stderr.contains("failed to commit"), "\(result.stderr)")
        }
        let daemon = try startDaemon(["XDG_CURRENT_DESKTOP": "GNOME"])
        try gsettings("false")
        #expect(try waitUntilHeld("do-not-disturb"))
        #expect(try spasm("log", "lower-back", "7").status == 0)
        usleep(1_500_000)
        #expect(desktop.printed().isEmpty)
        try gsettings("true")
        #expect(DesktopSession.waitFor(timeout: .seconds(2)) { printed("Ice now, 1 min") == 1 })
        #expect(daemon.stop() == 0)
        // Read at start: a spasmd started while banners are off holds from its first plan what fell
        // due while it was down (a new episode's ice).
        try gsettings("false")
        #expect(try spasm("log", "neck", "6").status == 0)
        let again = try startDaemon(["XDG_CURRENT_DESKTOP": "GNOME"])
        #expect(try status()["held"] as? String == "do-not-disturb")
        usleep(1_500_000)
        #expect(printed("Ice now, 1 min") == 1)
        #expect(again.stop() == 0)
        dconf.stop()
    }
}
