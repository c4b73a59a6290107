import Foundation
import Testing

/// Bad input: a clear message, a non-zero status (64 for usage), and nothing written.
@Suite struct BadInputTests {
    /// Runs a command that must fail with `status` and a message containing `message`, and checks that
    /// the journal is unchanged (still absent when the command was the first one).
    func expectRefused(_ arguments: [String], status: Int32 = 64, message: String, setUp: ((SpasmRunner) throws -> Void)? = nil) throws {
        let spasm = SpasmRunner()
        try setUp?(spasm)
        let before = FileManager.default.fileExists(atPath: spasm.journalPath) ? try spasm.entries().count : nil
        let result = try spasm.run(SpasmRunner.binary("spasm"), arguments)
        #expect(result.status == status, "\(arguments): status \(result.status), stderr \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): stderr was \(result.stderr)")
        if let before {
            #expect(try spasm.entries().count == before, "\(arguments) wrote something")
        } else {
            #expect(!FileManager.default.fileExists(atPath: spasm.journalPath), "\(arguments) created the journal")
        }
    }

    @Test func severityOffTheScale() throws {
        try expectRefused(["log", "neck", "11"], message: "severity: 11 is outside the 0-10 scale")
        try expectRefused(["log", "--region", "neck", "--severity=-1"], message: "severity: -1 is outside the 0-10 scale")
        try expectRefused(["log", "neck", "seven"], message: "severity: 'seven' is not a number")
    }

    @Test func unknownRegionSuggestsTheNearest() throws {
        try expectRefused(["log", "lower-bak", "5"], message: "unknown region 'lower-bak'; did you mean lower-back?")
    }

    @Test func futureAndMalformedTimes() throws {
        try expectRefused(["log", "neck", "5", "--at", "2099-01-01T10:00"], message: "is in the future")
        try expectRefused(["log", "neck", "5", "--at", "in a bit"], message: "cannot read 'in a bit' as a time")
        try expectRefused(["caffeine", "coffee", "--at", "25:00"], message: "cannot read '25:00' as a time")
    }

    @Test func unknownDrinkAndAbsurdDoses() throws {
        try expectRefused(["caffeine", "expresso"], message: "unknown drink 'expresso'; did you mean espresso?")
        try expectRefused(["caffeine", "0mg"], message: "0 mg is not a caffeine intake")
        try expectRefused(["caffeine", "1200mg"], message: "1200 mg in one entry is over the 1000 mg limit")
    }

    @Test func forceRecordsWhatTheUserInsistsOn() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("caffeine", "1200mg", "--force").status == 0)
        #expect(try spasm.entries().count == 1)
    }

    @Test func controlCharactersInNotesAreRejected() throws {
        try expectRefused(["log", "neck", "5", "--note", "before\u{1B}[31mred"], message: "note: contains the control character U+001B at character 7")
        try expectRefused(["caffeine", "coffee", "--note", "bell\u{7}"], message: "control characters other than tab and newline are rejected, not stripped")
    }

    @Test func aNoteOverTheLimitIsRejected() throws {
        let spasm = SpasmRunner()
        let result = try spasm("log", "neck", "5", "--note", "-", input: Data(String(repeating: "x", count: (1 << 20) + 1).utf8))
        #expect(result.status == 64)
        #expect(result.stderr.contains("over the 1048576-byte (1 MiB) limit"))
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }

    @Test func aNULInANoteIsRejected() throws {
        // argv cannot carry NUL, standard input can.
        let spasm = SpasmRunner()
        let result = try spasm("log", "neck", "5", "--note", "-", input: Data("a\u{0}b".utf8))
        #expect(result.status == 64)
        #expect(result.stderr.contains("NUL U+0000"))
    }

    @Test func idsThatDoNotExist() throws {
        let seed: (SpasmRunner) throws -> Void = { try $0("log", "neck", "4") }
        try expectRefused(["edit", "42", "--severity", "6"], message: "there is no entry #42", setUp: seed)
        try expectRefused(["delete", "42"], message: "there is no entry #42", setUp: seed)
        try expectRefused(["end", "42"], message: "there is no entry #42", setUp: seed)
        try expectRefused(["delete", "forty-two"], message: "forty-two", setUp: seed)
    }

    @Test func editingWithAValueThatDoesNotApply() throws {
        try expectRefused(["edit", "1", "--minutes", "5"], message: "--minutes: does not apply to #1, which is an episode",
                          setUp: { try $0("log", "neck", "4") })
        try expectRefused(["edit", "1", "--severity", "12"], message: "outside the 0-10 scale", setUp: { try $0("log", "neck", "4") })
    }

    @Test func aBadSettingNamesFileLineAndKey() throws {
        let spasm = SpasmRunner()
        try spasm.writeConfig("[caffeine]\n\ndaily_target_mg = \"lots\"\n")
        let result = try spasm("caffeine", "coffee")
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(spasm.configPath):3: caffeine.daily_target_mg: expected a number"))
        #expect(!FileManager.default.fileExists(atPath: spasm.journalPath))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try SpasmRunner()("log", "--severity").status == 64)
        #expect(try SpasmRunner()("frobnicate").status == 64)
    }
}

/// A journal that cannot be used: exit 74 naming the path, and the file is never overwritten.
@Suite(.serialized) struct JournalFileTests {
    @Test func notASpasmDatabase() throws {
        let spasm = SpasmRunner()
        let path = spasm.home + "/notes.txt"
        try "my tax notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try spasm("log", "neck", "5", "--db", path)
        #expect(result.status == 74)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("not a spasm journal"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my tax notes\n")
    }

    @Test func anotherApplicationsSQLiteFile() throws {
        let spasm = SpasmRunner()
        let path = spasm.home + "/other.sqlite"
        let made = try spasm.run("/usr/bin/sqlite3", [path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
        #expect(made.status == 0)
        let result = try spasm("log", "neck", "5", "--db", path)
        #expect(result.status == 74)
        #expect(result.stderr.contains("\(path): this file is not a spasm journal"))
        #expect(try spasm.run("/usr/bin/sqlite3", [path, "SELECT count(*) FROM sqlite_master"]).stdout == "1\n")
    }

    @Test func lockedLongerThanTheTimeout() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "3")
        try spasm.writeConfig("[journal]\nbusy_timeout_ms = 300\n")
        // Another program holds the write lock for two seconds.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE')
            print('locked', flush=True); time.sleep(2); c.execute('ROLLBACK')
            """, spasm.journalPath]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        _ = ready.fileHandleForReading.availableData   // "locked"
        let result = try spasm("log", "neck", "5")
        holder.waitUntilExit()
        #expect(result.status == 74)
        #expect(result.stderr.contains("\(spasm.journalPath): the journal is locked by another program"))
        #expect(try spasm.entries().count == 1)
    }

    @Test func aReadOnlyJournal() throws {
        let spasm = SpasmRunner()
        try spasm("log", "neck", "3")
        let dir = spasm.home + "/.local/share/spasm"
        // A read-only bind mount: refused even for root, as a read-only file is for a user.
        let result = try spasm.shell("""
            mount --bind \(dir) \(dir) && mount -o remount,bind,ro \(dir) && \
            HOME=\(spasm.home) TZ=UTC \(SpasmRunner.binary("spasm")) log neck 5; echo "status=$?"
            """)
        #expect(result.stdout.contains("status=74"), "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains(spasm.journalPath))
        #expect(try spasm.entries().count == 1)
    }

    @Test func aFullDisk() throws {
        let spasm = SpasmRunner()
        let mount = spasm.home + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        // A 1 MiB file system: create the journal, fill the rest, then try to write a large note.
        let note = String(repeating: "n", count: 600_000)
        let notePath = spasm.home + "/note.txt"
        try note.write(toFile: notePath, atomically: true, encoding: .utf8)
        let bin = SpasmRunner.binary("spasm")
        let result = try spasm.shell("""
            mount -t tmpfs -o size=1m tmpfs \(mount) && \
            HOME=\(spasm.home) \(bin) log neck 3 --db \(mount)/j.sqlite >/dev/null && \
            (dd if=/dev/zero of=\(mount)/filler bs=4k 2>/dev/null; true); \
            HOME=\(spasm.home) \(bin) log neck 5 --db \(mount)/j.sqlite --note - < \(notePath); echo "status=$?"; \
            rm -f \(mount)/filler; HOME=\(spasm.home) \(bin) history --since all --json --db \(mount)/j.sqlite | grep -c uuid; \
            echo "check=$(sqlite3 \(mount)/j.sqlite 'PRAGMA integrity_check')"
            """)
        #expect(result.stdout.contains("status=74"), "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("the disk is full"), "\(result.stderr)")
        #expect(result.stdout.contains("\n1\n"), "the failed write left a row: \(result.stdout)")
        #expect(result.stdout.contains("check=ok"))
    }
}
