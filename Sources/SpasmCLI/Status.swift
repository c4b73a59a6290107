import ArgumentParser
import Foundation
import SpasmCore
import SpasmIPC
import SpasmStore

extension Spasm {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", _superCommandName: "spasm",
            abstract: "Whether spasmd runs, which journal it serves, and the next reminder.",
            discussion: """
            The one command that asks spasmd (over $XDG_RUNTIME_DIR/spasm/spasmd.sock); every other command \
            reads and writes the journal file itself, and spasmd follows the file.
            --waybar prints one line of JSON in the format of waybar's custom module (text, tooltip, class, \
            alt); class is one of stopped, paused, held, due, red-flag, pending, idle; "held" while do-not-disturb or a \
            locked screen holds reminders back. Example module:
              "custom/spasm": { "exec": "spasm status --waybar", "return-type": "json", "interval": 60 }
            """
        )

        @Flag(help: "Print one line for waybar's custom module.") var waybar = false
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Reply: Encodable {
            var running: Bool
            var status: String?
            var next: CareInterface.Reminder?
            var pending: Int?
            var pausedUntil: String?
            var notificationServer: Bool?
            var held: String?
            /// The journal spasmd serves, and the one this command uses.
            var served: String?
            var journal: String
            var sameJournal: Bool?
            enum CodingKeys: String, CodingKey {
                case running, status, next, pending, pausedUntil = "paused_until", notificationServer = "notification_server", held
                case served = "served_journal", journal, sameJournal = "same_journal"
            }
        }

        /// waybar's custom-module JSON.
        struct Waybar: Encodable {
            var text: String
            var tooltip: String
            var `class`: String
            var alt: String
        }

        func run() throws {
            let context = try Context(journal)
            let status = Self.ask(environment: ProcessInfo.processInfo.environment)
            if waybar { return try JSONOutput.print(Self.waybar(status, now: context.now)) }
            let path = Locations.journal(override: journal.db)
            let same = status.map { Self.sameFile($0.journal, path) }
            if output.json {
                return try JSONOutput.print(Reply(running: status != nil, status: status?.status, next: status?.next,
                                                  pending: status?.pending, pausedUntil: status?.pausedUntil,
                                                  notificationServer: status?.notificationServer, held: status?.held,
                                                  served: status?.journal, journal: path, sameJournal: same))
            }
            guard let status else {
                try say("""
                spasmd is not running: entries are still saved, but no reminders are shown.
                Start it with: systemctl --user start spasmd.socket
                """)
                return
            }
            var lines = ["spasmd is running: \(status.status)", "Journal: \(status.journal)"]
            if same == false {
                lines.append("spasmd serves \(status.journal), but this command uses \(path): set SPASM_DB the same for both.")
            }
            if let next = status.next {
                lines.append("Next: \(next.number)  \(Self.clock(next.due))  \(next.title)  (why: \(next.reason))")
            }
            if let held = status.held {
                lines.append("Held: \(held); reminders that fall due meanwhile are shown when it ends.")
            }
            if !status.notificationServer {
                lines.append("No notification server on the session bus: reminders are kept and shown once one appears.")
            }
            try say(lines.joined(separator: "\n"))
        }

        /// spasmd's answer to io.spasm.Care.Status, or nil when nothing answers on its socket.
        static func ask(environment: [String: String]) -> CareInterface.StatusReply? {
            guard let socket = ServiceSocket.path(environment: environment),
                  let connection = try? VarlinkConnection(path: socket, timeout: .seconds(5)) else { return nil }
            return try? connection.call(CareInterface.Method.status.qualified, JournalInterface.NoParameters(),
                                        returning: CareInterface.StatusReply.self)
        }

        /// Whether two paths name the same file (one may be a symlink, or relative).
        static func sameFile(_ a: String, _ b: String) -> Bool {
            var first = stat(), second = stat()
            guard stat(a, &first) == 0, stat(b, &second) == 0 else {
                return URL(fileURLWithPath: a).standardizedFileURL == URL(fileURLWithPath: b).standardizedFileURL
            }
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }

        static func waybar(_ status: CareInterface.StatusReply?, now: Date) -> Waybar {
            guard let status else {
                return Waybar(text: "spasm off", tooltip: "spasmd is not running: no reminders are shown", class: "stopped", alt: "stopped")
            }
            let next = status.next
            let kind: String
            if next?.kind == ReminderKind.redFlag.rawValue { kind = "red-flag" }
            else if status.pausedUntil != nil { kind = "paused" }
            else if status.held != nil { kind = "held" }
            else if let next, let due = CivilTime.parseISO8601(next.due), due.0 <= now { kind = "due" }
            else { kind = next == nil ? "idle" : "pending" }
            var text = next.map { "\($0.title) \(clock($0.due))" } ?? "no reminders"
            if let until = status.pausedUntil { text = "paused until \(clock(until))" }
            else if let held = status.held { text = "held: \(held)" }
            return Waybar(text: text, tooltip: status.status, class: kind, alt: kind)
        }

        static func clock(_ iso: String) -> String {
            CivilTime(iso8601: iso)?.clock ?? iso
        }
    }
}
