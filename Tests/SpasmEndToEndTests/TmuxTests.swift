import Foundation
import Testing

/// The questions inside tmux, a terminal many people type in: what tmux shows on its pane.
@Suite struct TmuxTests {
    /// A private tmux server (its own socket) in the runner's home.
    final class Tmux {
        let spasm: SpasmRunner
        let socket: String

        init(_ spasm: SpasmRunner, columns: Int, command: String) throws {
            self.spasm = spasm
            socket = spasm.home + "/tmux.sock"
            // The server outlives this call: it must hold none of the descriptors Foundation's Process
            // watches to see a child end (it would wait for ever), so bash closes all but 0-2 first.
            let script = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; "#
                + #"exec /usr/bin/tmux -S "$1" -f /dev/null new-session -d -x "$2" -y 60 "$3" </dev/null >/dev/null 2>&1"#
            let started = try spasm.run("/bin/bash", ["-c", script, "bash", socket, String(columns), command])
            #expect(started.status == 0, "\(started.stderr)")
        }

        /// Ends the pane's shell (it outlived a kill-server here), then the server if it is still there.
        func stop() {
            if let pid = try? Int32(tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGKILL)
            }
            _ = try? tmux(["kill-server"])  // usually gone already with its only pane
        }

        @discardableResult
        func tmux(_ arguments: [String]) throws -> SpasmRunner.Result {
            try spasm.run("/usr/bin/tmux", ["-S", socket, "-f", "/dev/null"] + arguments)
        }

        /// The pane's text once it contains `text` (nil after ten seconds without it).
        func waitFor(_ text: String) throws -> String? {
            for _ in 0..<200 {
                let pane = try tmux(["capture-pane", "-p", "-t", "0"]).stdout
                if pane.contains(text) { return pane }
                usleep(50_000)
            }
            return nil
        }

        func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }
    }

    @Test func theQuestionsInANarrowTmuxPane() throws {
        let spasm = SpasmRunner()
        #expect(try spasm("log", "neck", "4", "--trigger", "driving").status == 0)
        let session = try Tmux(spasm, columns: 24, command: "'\(SpasmRunner.binary("spasm"))' log; echo \"status $?\"; read -r _")
        defer { session.stop() }
        #expect(try session.waitFor("Region [neck]:") != nil)
        try session.keys("Enter")
        #expect(try session.waitFor("skip):") != nil)
        try session.keys("r", "Enter")
        #expect(try session.waitFor("Severity:") != nil)
        try session.keys("1", "2", "Enter")
        #expect(try session.waitFor("severity: 12 is outside") != nil)
        try session.keys("5", "Enter")
        #expect(try session.waitFor("1 driving") != nil)
        try session.keys("1, long walk home", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "Enter")
        for _ in 0..<4 { try session.keys("n") }
        #expect(try session.waitFor("Note (optional") != nil)
        try session.keys("Enter")
        #expect(try session.waitFor("Press Enter") != nil)
        try session.keys("Enter")
        let pane = try #require(try session.waitFor("status 0"))
        #expect(pane.contains("Logged episode #2"), "\(pane)")
        #expect(!pane.contains("home"), "the erased word is gone from the pane: \(pane)")
        let episode = try #require(spasm.entries().last).object("episode")
        #expect(episode["side"] as? String == "right")
        #expect(episode["severity"] as? Int == 5)
        #expect(episode["triggers"] as? [String] == ["driving", "long walk"])
    }
}
