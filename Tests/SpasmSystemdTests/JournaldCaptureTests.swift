import Foundation
import Testing

/// The probe logs one event in a private mount namespace whose /run has a datagram socket at
/// /run/systemd/journal/socket, where libsystemd sends journald's native protocol. A receiver stands in
/// for systemd too: it sets JOURNAL_STREAM the way systemd does for a service logging to journald.
@Suite struct JournaldCaptureTests {
    /// How the receiver starts the probe: stderr connected to journald (as systemd would set it up),
    /// JOURNAL_STREAM inherited but naming another stream, or no JOURNAL_STREAM at all.
    enum Start: String, CaseIterable { case underJournald = "journal", streamElsewhere = "elsewhere", byHand = "none" }

    static let receiver = """
        import os, socket, subprocess, sys
        probe, out, start = sys.argv[1:4]
        journal = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        journal.bind("/run/systemd/journal/socket")
        environment = {"PATH": "/usr/bin:/bin"}
        with open(os.path.join(out, "stderr"), "wb") as stderr:
            stream = os.fstat(stderr.fileno()) if start == "journal" else os.stat(out)
            if start != "none":
                environment["JOURNAL_STREAM"] = f"{stream.st_dev}:{stream.st_ino}"
            status = subprocess.run([probe, "log"], stderr=stderr, env=environment).returncode
        journal.setblocking(False)
        count = 0
        while True:
            try:
                datagram = journal.recv(1 << 20)
            except BlockingIOError:
                break
            with open(os.path.join(out, f"datagram{count}"), "wb") as f:
                f.write(datagram)
            count += 1
        sys.exit(status)
        """

    struct Capture {
        var datagrams: [Data]
        var standardError: String
    }

    func capture(_ start: Start) throws -> Capture {
        let scratch = try ScratchDirectory()
        try Self.receiver.write(toFile: scratch.path + "/receiver.py", atomically: true, encoding: .utf8)
        let script = "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal && exec python3 \"$@\""
        let python = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let child = try ChildProcess(
            ["/usr/bin/unshare", "-U", "-r", "-m", "/bin/sh", "-c", script, "sh",
             scratch.path + "/receiver.py", probePath, scratch.path, start.rawValue],
            environment: ["PATH": python])
        let result = child.finish()
        #expect(result.status == 0, "receiver failed: \(result.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("datagram") }.sorted()
        return Capture(
            datagrams: try files.map { try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + $0)) },
            standardError: (try? String(contentsOfFile: scratch.path + "/stderr", encoding: .utf8)) ?? "")
    }

    @Test func underJournaldTheEventArrivesAsOneStructuredEntry() throws {
        let capture = try capture(.underJournald)
        try #require(capture.datagrams.count == 1, "stderr: \(capture.standardError)")
        let fields = journalFields(inDatagram: capture.datagrams[0])

        #expect(fields.map(\.name) == ["MESSAGE", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
                                       "SYSLOG_IDENTIFIER", "MESSAGE_ID", "SPASM_DUE_AT", "SPASM_REMINDER"])
        let value = Dictionary(fields.map { ($0.name, $0.value) }) { first, _ in first }
        #expect(value["MESSAGE"] == "Ice reminder armed\nfor 14:30")
        #expect(value["PRIORITY"] == "4")
        #expect(value["CODE_FILE"] == "spasm_systemd_probe/Entrypoint.swift")
        #expect(value["CODE_LINE"].flatMap(Int.init).map { $0 > 0 } == true)
        #expect(value["CODE_FUNC"] == "logOneEvent()")
        #expect(value["SYSLOG_IDENTIFIER"] == "spasmd")
        #expect(value["MESSAGE_ID"] == "c4f4e6679f64497aac0c5cf3c265f4a6")
        #expect(value["SPASM_DUE_AT"] == "14:30")
        #expect(value["SPASM_REMINDER"] == "ice")
        #expect(capture.standardError.isEmpty)
    }

    @Test(arguments: [Start.streamElsewhere, .byHand])
    func elsewhereTheEventIsALineOnStandardError(start: Start) throws {
        let capture = try capture(start)
        #expect(capture.datagrams.isEmpty)
        #expect(capture.standardError.contains("warning spasmd.probe:"))
        #expect(capture.standardError.contains("message_id=c4f4e6679f64497aac0c5cf3c265f4a6"))
        #expect(capture.standardError.contains("Ice reminder armed\nfor 14:30"))
    }
}
