import Foundation

/// Runs the real `spasm` on a real pseudo-terminal through Tests/scripts/terminal-session.py
/// (pexpect drives it, pyte renders the screen), step by step as a person would type.
struct TerminalSession {
    enum Step: Encodable {
        /// Wait until the output matches this regular expression.
        case expect(String)
        case send(String)
        /// A control key, e.g. "c" for Ctrl-C.
        case control(String)
        /// Ctrl-D.
        case eof

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch self {
            case .expect(let pattern): try container.encode(pattern, forKey: .expect)
            case .send(let text): try container.encode(text, forKey: .send)
            case .control(let key): try container.encode(key, forKey: .control)
            case .eof: try container.encode(true, forKey: .eof)
            }
        }
        enum Key: CodingKey { case expect, send, control, eof }
    }

    struct Outcome: Decodable {
        var status: Int32?
        var signal: Int32?
        /// Which step timed out, if one did.
        var failed: String?
        /// Every byte the program wrote, escape sequences included.
        var transcript: String
        /// The rows on screen at the end, as a VT100 shows them.
        var screen: [String]
    }

    struct Request: Encodable {
        var command: [String]
        var env: [String: String]
        var columns: Int
        var rows: Int
        var timeout: Int
        var steps: [Step]
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/terminal-session.py").path

    /// `spasm ARGUMENTS` on a terminal `columns` wide, in `spasm`'s private home, with TERM=xterm.
    /// With `shell`, runs that sh script instead, with $SPASM naming the binary.
    static func run(_ spasm: SpasmRunner, _ arguments: [String], steps: [Step], columns: Int = 80, rows: Int = 60,
                    environment: [String: String] = [:], shell: String? = nil) throws -> Outcome {
        var env = spasm.environment
        env["TERM"] = "xterm"
        env.merge(environment) { $1 }
        env["SPASM"] = SpasmRunner.binary("spasm")
        let command = shell.map { ["/bin/sh", "-c", $0] } ?? [SpasmRunner.binary("spasm")] + arguments
        let request = Request(command: command, env: env, columns: columns, rows: rows,
                              timeout: 20, steps: steps)
        let file = spasm.home + "/session-\(UUID().uuidString).json"
        try JSONEncoder().encode(request).write(to: URL(fileURLWithPath: file))
        let result = try spasm.run(testPython, [script, file])
        guard result.status == 0 else { throw DriverFailed(description: "terminal-session.py: \(result.stderr)") }
        return try JSONDecoder().decode(Outcome.self, from: Data(result.stdout.utf8))
    }

    struct DriverFailed: Error, CustomStringConvertible { var description: String }
}
