import Foundation
import Testing

/// The built binaries against what a careless script or a hostile client does: output paths that
/// are devices, FIFOs, links or the journal itself; full disks and closed pipes; settings and
/// backups nested without end; entries from the future through every door; clients that never read.
@Suite(.serialized) struct AdversarialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func everyCaseKeepsTheJournalAndExitsAsDocumented() throws {
        // Tests/scripts/adversarial.sh runs each case in a private mount namespace with its own /dev
        // and prints "ok: CASE" or "FAIL: CASE: why", then "N cases passed, M failed".
        let result = try SpasmRunner().run("/bin/bash", [Self.repository + "/Tests/scripts/adversarial.sh", SpasmRunner.productsDirectory])
        let failures = result.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))\n\(result.stderr)")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let passed = result.stdout.split(separator: "\n").compactMap { line -> Int? in
            line.hasSuffix(" failed") ? Int(line.prefix { $0 != " " }) : nil
        }.first
        // Every case in the table ran (a script that stopped early would pass fewer).
        #expect((passed ?? 0) >= 73, "\(result.stdout)")
    }
}
