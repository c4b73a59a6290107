import DesktopSession
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal file is the only channel from `spasm` (or any other writer) to spasmd: the journal kept
/// elsewhere with SPASM_DB for both, a real dunst, the real binaries.
@Suite struct OnePathTests {
    let spasm = SpasmRunner()
    let desktop: DesktopSession
    var journal: String { spasm.home + "/my-journal.sqlite" }

    init() throws {
        desktop = try DesktopSession()
        spasm.extraEnvironment["SPASM_DB"] = spasm.home + "/my-journal.sqlite"
        try spasm.writeQuietlessConfig()
    }

    func startDaemon() throws -> DaemonRunner {
        try DaemonRunner(spasm, environment: ["DBUS_SESSION_BUS_ADDRESS": desktop.busAddress, "DISPLAY": desktop.display])
    }

    func shown(_ summary: String) -> Int { desktop.printed().filter { $0.summary == summary }.count }

    /// The number of the reminder of `kind` that is on screen, as `spasm reminders --json` lists it.
    func shownReminder(_ kind: String) throws -> Int? {
        let listed = try JSONSerialization.jsonObject(with: Data(try spasm("reminders", "--json").stdout.utf8)) as? [String: Any]
        let reminders = listed?["reminders"] as? [[String: Any]] ?? []
        return reminders.first { $0["kind"] as? String == kind && $0["state"] as? String == "shown" }?["number"] as? Int
    }

    @Test func aLogWithTheJournalElsewhereBringsTheIceAndStatusNamesTheFile() throws {
        let daemon = try startDaemon()
        let logged = try spasm("log", "--region", "lower-back", "--severity", "7")
        #expect(logged.status == 0)
        #expect(logged.stderr.isEmpty, "\(logged.stderr)")
        #expect(DesktopSession.waitFor(timeout: .seconds(3)) { shown("Ice now, 15 min") == 1 }, "\(desktop.printed().map(\.summary))")

        let status = try spasm("status")
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("spasmd is running: "), "\(status.stdout)")
        #expect(status.stdout.contains("Journal: \(journal)\n"), "\(status.stdout)")
        #expect(!status.stdout.contains("but this command uses"))
        let json = try JSONSerialization.jsonObject(with: Data(try spasm("status", "--json").stdout.utf8)) as? [String: Any]
        #expect(json?["running"] as? Bool == true)
        #expect(json?["served_journal"] as? String == journal)
        #expect(json?["same_journal"] as? Bool == true)
        #expect(daemon.stop() == 0, "\(daemon.log())")
    }

    @Test func statusSaysWhenSpasmdServesAnotherFile() throws {
        let daemon = try startDaemon()
        let other = spasm.home + "/other.sqlite"
        let status = try spasm("status", "--db", other)
        #expect(status.status == 0)
        #expect(status.stdout.contains("spasmd serves \(journal), but this command uses \(other): set SPASM_DB the same for both."),
                "\(status.stdout)")
        #expect(daemon.stop() == 0, "\(daemon.log())")
    }

    @Test func aWriteBySqliteItselfBringsAReplan() throws {
        #expect(try spasm("caffeine", "coffee").status == 0)
        let daemon = try startDaemon()
        usleep(300_000)
        #expect(shown("Ice now, 15 min") == 0)
        // Another program writes an episode straight into the file, as a script with sqlite3 would.
        let now = Int(Date().timeIntervalSince1970)
        let sql = """
        INSERT INTO entry (uuid, kind, at, utc_offset, created_at) VALUES ('0b1e2c4d-1111-4222-8333-944455556666', 'episode', \(now), 3600, \(now));
        INSERT INTO episode (entry_id, region, severity) VALUES (last_insert_rowid(), 'neck', 6);
        """
        let wrote = try spasm.run("/usr/bin/sqlite3", [journal, sql])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        #expect(DesktopSession.waitFor(timeout: .seconds(3)) { shown("Ice now, 15 min") == 1 }, "\(desktop.printed().map(\.summary))")
        #expect(daemon.stop() == 0, "\(daemon.log())")
    }

    @Test func anImportBringsAReplan() throws {
        let source = SpasmRunner()
        #expect(try source("log", "neck", "6").status == 0)
        let backup = source.home + "/backup.json"
        #expect(try source("export", "--format", "json", "-o", backup).status == 0)
        let daemon = try startDaemon()
        let imported = try spasm("import", backup)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(DesktopSession.waitFor(timeout: .seconds(3)) { shown("Ice now, 15 min") == 1 }, "\(desktop.printed().map(\.summary))")
        #expect(daemon.stop() == 0, "\(daemon.log())")
    }

    @Test func doneFromTheCommandLineTakesTheNotificationOffTheDesktop() throws {
        let daemon = try startDaemon()
        #expect(try spasm("log", "neck", "6").status == 0)
        #expect(DesktopSession.waitFor(timeout: .seconds(2)) { shown("Ice now, 15 min") == 1 })
        #expect(try DesktopSession.waitFor(timeout: .seconds(2)) { try desktop.count().displayed == 1 })
        let number = try #require(try shownReminder("ice-on"))
        let done = try spasm("done", String(number))
        #expect(done.status == 0)
        #expect(done.stderr.isEmpty, "\(done.stderr)")
        #expect(done.stdout.hasPrefix("Reminder \(number) (ice-on) done; recorded as treatment #2"), "\(done.stdout)")
        #expect(try DesktopSession.waitFor(timeout: .seconds(3)) { try desktop.count().displayed == 0 }, "\(String(describing: try? desktop.count()))")
        // Recorded once; nothing came back on screen.
        #expect(try spasm.entries().filter { $0["kind"] as? String == "treatment" }.count == 1)
        #expect(shown("Ice now, 15 min") == 1)
        #expect(daemon.stop() == 0, "\(daemon.log())")
    }
}
