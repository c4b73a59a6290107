import ArgumentParser
import Foundation
import SpasmCore
import SpasmIPC

extension Spasm {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Whether spasmd runs, and the next reminder.",
            discussion: """
            --waybar prints one line of JSON in the format of waybar's custom module (text, tooltip, class, \
            alt); class is one of stopped, paused, due, red-flag, pending, idle. Example module:
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
            enum CodingKeys: String, CodingKey {
                case running, status, next, pending, pausedUntil = "paused_until", notificationServer = "notification_server"
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
            let status = try context.openCare(quiet: true).status()
            if waybar { return try JSONOutput.print(Self.waybar(status, now: context.now)) }
            if output.json {
                return try JSONOutput.print(Reply(running: status != nil, status: status?.status, next: status?.next,
                                                  pending: status?.pending, pausedUntil: status?.pausedUntil,
                                                  notificationServer: status?.notificationServer))
            }
            guard let status else {
                say("""
                spasmd is not running: entries are still saved, but no reminders are shown.
                Start it with: systemctl --user start spasmd.socket
                """)
                return
            }
            var lines = ["spasmd is running: \(status.status)"]
            if let next = status.next {
                lines.append("Next: \(next.number)  \(Self.clock(next.due))  \(next.title)  (why: \(next.reason))")
            }
            if !status.notificationServer {
                lines.append("No notification server on the session bus: reminders are kept and shown once one appears.")
            }
            say(lines.joined(separator: "\n"))
        }

        static func waybar(_ status: CareInterface.StatusReply?, now: Date) -> Waybar {
            guard let status else {
                return Waybar(text: "spasm off", tooltip: "spasmd is not running: no reminders are shown", class: "stopped", alt: "stopped")
            }
            let next = status.next
            let kind: String
            if next?.kind == ReminderKind.redFlag.rawValue { kind = "red-flag" }
            else if status.pausedUntil != nil { kind = "paused" }
            else if let next, let due = CivilTime.parseISO8601(next.due), due.0 <= now { kind = "due" }
            else { kind = next == nil ? "idle" : "pending" }
            var text = next.map { "\($0.title) \(clock($0.due))" } ?? "no reminders"
            if let until = status.pausedUntil { text = "paused until \(clock(until))" }
            return Waybar(text: text, tooltip: status.status, class: kind, alt: kind)
        }

        static func clock(_ iso: String) -> String {
            CivilTime(iso8601: iso)?.clock ?? iso
        }
    }
}
