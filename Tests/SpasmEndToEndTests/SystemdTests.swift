import Foundation
import Testing

/// The shipped units under a real systemd user manager, and what systemd's own tools say of them.
@Suite(.serialized) struct SystemdTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func underARealUserManager() throws {
        // First activation without a data directory, the session's default.target, STATUS following
        // the file, kill -9, the watchdog, 200 concurrent invocations and a notification from inside
        // the sandbox:
        // Tests/scripts/systemd-user.sh prints one "ok:" line per behaviour it saw.
        let result = try SpasmRunner().run("/bin/bash", [Self.repository + "/Tests/scripts/systemd-user.sh", SpasmRunner.productsDirectory])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        for seen in ["ok: socket listening, service not started",
                     "ok: first activation made the data directory (0700) and started spasmd",
                     "ok: spasmd.service enabled for the session (default.target)", "ok: spasm log wrote the file",
                     "ok: systemctl status shows: Status: \"journal open (1 entries)", "ok: socket is 0600",
                     "ok: kill -9 -> restarted", "ok: hung main loop killed by the watchdog and restarted",
                     "ok: 200 concurrent invocations while spasmd was killed 3 times: all exited 0",
                     "ok: the sandboxed service showed a reminder on the session bus", "ok: stopped"] {
            #expect(result.stdout.contains(seen), "missing \(seen) in \(result.stdout)")
        }
    }

    @Test func theUnitsVerifyCleanAndScoreWell() throws {
        let result = try SpasmRunner().run("/bin/bash", [Self.repository + "/Tests/scripts/systemd-units.sh", SpasmRunner.productsDirectory])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("verify: clean"), "\(result.stdout)")
        let score = result.stdout.split(separator: "\n").first { $0.hasPrefix("exposure: ") }.flatMap { Double($0.dropFirst(10)) }
        #expect(score != nil && score! <= 3.0, "\(result.stdout)")
    }
}
