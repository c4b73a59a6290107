import Foundation
import SpasmIPC
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// spasmd started by hand, and the CLI talking to it.
@Suite struct DaemonTests {
    @Test func everyCommandUsesTheFileAndSaysNothingAboutSpasmd() throws {
        let spasm = SpasmRunner()
        let daemon = try DaemonRunner(spasm)
        let logged = try spasm("log", "neck", "5", "--trigger", "driving")
        #expect(logged.status == 0)
        #expect(logged.stderr.isEmpty, "\(logged.stderr)")
        #expect(logged.stdout.hasPrefix("Logged episode #1: neck 5/10, open · after driving"))
        #expect(daemon.stop() == 0)
        // With spasmd gone, the same: no fallback to announce.
        let history = try spasm("history")
        #expect(history.status == 0)
        #expect(history.stderr.isEmpty, "\(history.stderr)")
        #expect(history.stdout.contains("neck 5/10, open · after driving"))
    }

    @Test func outputIsTheSameWithAndWithoutTheDaemon() throws {
        let commands: [[String]] = [
            ["log", "lower-back", "7", "--at", "2026-11-20T08:00", "--trigger", "lifting", "--note", "box"],
            ["caffeine", "espresso", "x2", "--at", "2026-11-20T09:00"],
            ["treat", "ice", "--minutes", "15", "--relief", "3", "--at", "2026-11-20T09:30"],
            ["end", "--at", "2026-11-20T10:00"],
            ["edit", "1", "--severity", "6"],
            ["delete", "2"],
            ["undo"],
            ["edit", "42", "--severity", "6"],
            ["log", "neck", "11"],
            ["history", "--since", "2026-11-19"],
        ]
        let direct = SpasmRunner()
        let served = SpasmRunner()
        let daemon = try DaemonRunner(served)
        for command in commands {
            let a = try direct.run(SpasmRunner.binary("spasm"), command)
            let b = try served.run(SpasmRunner.binary("spasm"), command)
            #expect(a.stdout == b.stdout, "\(command)")
            #expect(a.stderr == b.stderr, "\(command)")
            #expect(a.status == b.status, "\(command)")
        }
        #expect(daemon.stop() == 0)
    }

    @Test func twoYearsOfEntriesComeToAVarlinkClientWhole() throws {
        // Two years of journal are over 4 MiB of JSON in one reply: more than any request may be.
        let spasm = SpasmRunner()
        let made = try spasm.run(SpasmRunner.binary("spasm-synth"), [spasm.journalPath, "2", "7"])
        #expect(made.status == 0, "\(made.stderr)")
        let daemon = try DaemonRunner(spasm)
        let client = """
            import json, socket, sys
            s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
            s.sendall(b'{"method":"io.spasm.Journal.Entries","parameters":{}}\\0')
            data = b""
            while not data.endswith(b"\\0"):
                chunk = s.recv(1 << 20)
                if not chunk: break
                data += chunk
            print(len(data), len(json.loads(data[:-1])["parameters"]["entries"]))
            """
        let reply = try python(client, [daemon.socketPath], in: spasm)
        let numbers = reply.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(numbers.count == 2, "\(reply.stdout) \(reply.stderr)")
        #expect(numbers.first ?? 0 > 4 << 20)
        let history = try spasm("history", "--since", "all", "--json")
        let count = (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [Any])?.count
        #expect(numbers.last == count)
        daemon.stop()
    }

    @Test func aSecondDaemonRefusesToStart() throws {
        let spasm = SpasmRunner()
        let daemon = try DaemonRunner(spasm)
        let second = try spasm.run(SpasmRunner.binary("spasmd"), [])
        #expect(second.status == 75)
        #expect(second.stderr.contains("another spasmd already serves \(daemon.socketPath)"))
        #expect(daemon.canConnect())
        daemon.stop()
    }

    @Test func theSocketIsPrivate() throws {
        let spasm = SpasmRunner()
        let daemon = try DaemonRunner(spasm)
        let mode = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        #expect(try mode(daemon.socketPath) == 0o600)
        #expect(try mode(daemon.runtimeDirectory + "/spasm") == 0o700)
        daemon.stop()
    }

    @Test func anotherUserIsRefusedEvenWhenTheFileWouldLetThemIn() throws {
        let spasm = SpasmRunner()
        let daemon = try DaemonRunner(spasm)
        // Open the file permissions on purpose: the daemon's own uid check must still refuse.
        chmod(spasm.home, 0o755)
        chmod(daemon.runtimeDirectory, 0o755)
        chmod(daemon.runtimeDirectory + "/spasm", 0o755)
        chmod(daemon.socketPath, 0o666)
        let client = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(5)
            try:
                s.sendall(b'{"method":"org.varlink.service.GetInfo"}\\0')
                print("reply" if s.recv(4096) else "closed")
            except (ConnectionResetError, BrokenPipeError):
                print("closed")
            """
        let stranger = try python(client, [daemon.socketPath], as: "nobody", in: spasm)
        #expect(stranger.stdout == "closed\n", "\(stranger.stdout) \(stranger.stderr)")
        let owner = try python(client, [daemon.socketPath], in: spasm)
        #expect(owner.stdout == "reply\n")
        daemon.stop()
        #expect(daemon.log().contains("refused a connection from another user"))
    }

    @Test func aThirdPartyVarlinkClientCanUseTheJournal() throws {
        let spasm = SpasmRunner()
        let daemon = try DaemonRunner(spasm)
        let address = "unix:\(daemon.socketPath)"
        let info = try spasm.run(testPython, ["-m", "varlink.cli", "info", address])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("io.spasm.Journal"))
        let help = try spasm.run(testPython, ["-m", "varlink.cli", "help", "\(address)/io.spasm.Journal"])
        #expect(help.stdout.contains("method Add(entry: Entry) -> (entry: Entry)"), "\(help.stdout) \(help.stderr)")
        let entry = #"{"entry":{"uuid":"8e2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a","kind":"episode","at":"2026-11-28T21:30:00+01:00","utc_offset":3600,"episode":{"region":"mid-back","severity":4,"triggers":["gardening"],"red_flags":[]}}}"#
        let added = try spasm.run(testPython, ["-m", "varlink.cli", "call", "\(address)/io.spasm.Journal.Add", entry])
        #expect(added.stdout.contains("\"id\": 1"), "\(added.stdout) \(added.stderr)")
        let got = try spasm.run(testPython, ["-m", "varlink.cli", "call", "\(address)/io.spasm.Journal.Get", #"{"id":1}"#])
        #expect(got.stdout.contains("\"region\": \"mid-back\""), "\(got.stdout)")
        #expect(try spasm("history", "--since", "all").stdout.contains("mid-back 4/10, open · after gardening"))
        daemon.stop()
    }

    @Test func badMessagesGetAnErrorOrAClosedConnectionAndOthersAreStillServed() throws {
        let spasm = SpasmRunner()
        let daemon = try DaemonRunner(spasm)
        let script = """
            import socket, sys, time
            path = sys.argv[1]
            def conn():
                s = socket.socket(socket.AF_UNIX); s.connect(path); s.settimeout(10); return s
            def reply(s):
                data = b''
                while not data.endswith(b'\\0'):
                    chunk = s.recv(65536)
                    if not chunk: return None
                    data += chunk
                return data[:-1].decode()
            garbage = conn(); garbage.sendall(b'this is not json\\0'); print('garbage:', reply(garbage))
            stalled = conn(); stalled.sendall(b'{"method":"org.varlink.service.GetI')
            huge = conn()
            try:
                huge.sendall(b'x' * (5 << 20)); print('huge:', reply(huge))
            except (BrokenPipeError, ConnectionResetError):
                print('huge: None')
            start = time.monotonic(); ok = conn(); ok.sendall(b'{"method":"org.varlink.service.GetInfo"}\\0')
            print('ok:', 'spasmd' in (reply(ok) or ''), 'fast:', time.monotonic() - start < 2)
            print('stalled:', reply(stalled))
            """
        let result = try python(script, [daemon.socketPath], in: spasm)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("org.varlink.service.InvalidParameter") == true, "\(result.stdout) \(result.stderr)")
        #expect(lines.contains("huge: None"))
        #expect(lines.contains("ok: True fast: True"))
        #expect(lines.contains("stalled: None"))   // closed after the partial-message timeout
        #expect(daemon.canConnect())
        #expect(daemon.stop() == 0)
    }

    @Test func notifySocketSeesReadyStatusWatchdogStoppingInOrder() throws {
        let spasm = SpasmRunner()
        let receiverPath = spasm.home + "/notify.sock"
        let receiver = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(receiver) }
        let bound = UnixAddress(path: receiverPath)?.bind(receiver)
        #expect(bound == 0)
        // Read as the service manager does, while spasmd runs: a datagram queue left unread fills
        // up (10 messages by default) and blocks the sender, as it would under a stuck manager.
        let received = NotifyReceiver(receiver)
        let daemon = try DaemonRunner(spasm, environment: ["NOTIFY_SOCKET": receiverPath, "WATCHDOG_USEC": "200000"])
        usleep(400_000)   // two or more watchdog pings at half the interval
        #expect(try spasm("log", "neck", "4").status == 0)
        // spasmd sees the file change and updates its status line (within 100 ms of the commit).
        let counted = { received.current.contains { $0.hasPrefix("STATUS=") && $0.contains("1 entries") } }
        for _ in 0..<100 where !counted() { usleep(20_000) }
        #expect(daemon.stop() == 0)
        let messages = received.finish()
        let ready = messages.firstIndex { $0.contains("READY=1") }
        let watchdog = messages.firstIndex { $0 == "WATCHDOG=1" }
        let status = messages.lastIndex { $0.hasPrefix("STATUS=") && $0.contains("1 entries") }
        let stopping = messages.firstIndex { $0.contains("STOPPING=1") }
        #expect(ready != nil && watchdog != nil && status != nil && stopping != nil, "\(messages)")
        if let ready, let watchdog, let status, let stopping {
            #expect(ready < watchdog && ready < status && status < stopping && watchdog < stopping, "\(messages)")
        }
        #expect(messages[ready ?? 0].contains("STATUS=journal open (0 entries)"), "\(messages)")
    }
}

/// Collects NOTIFY_SOCKET datagrams on a thread of its own until `finish()`.
final class NotifyReceiver: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var messages: [String] = []
    private var done = false
    private let finished = DispatchSemaphore(value: 0)

    init(_ fd: Int32) {
        self.fd = fd
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&descriptor, 1, 50) > 0 {
                    let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                    if count > 0 { lock.withLock { messages.append(String(decoding: buffer[..<count], as: UTF8.self)) } }
                } else if lock.withLock({ done }) {
                    break
                }
            }
            finished.signal()
        }
    }

    /// What has arrived so far.
    var current: [String] { lock.withLock { messages } }

    /// Everything received, in order, once the queue is drained.
    func finish() -> [String] {
        lock.withLock { done = true }
        finished.wait()
        return lock.withLock { messages }
    }
}
