import Foundation
import SpasmCore

/// The PT routine as an iCalendar file (RFC 5545) a calendar app can import: one weekly recurring event
/// per configured time, each with a display alarm at its start.
///
/// Times are "floating" (no zone): the routine is due at 08:00 wherever the user is, as spasm's own
/// reminders are. The UIDs are stable, so importing a newer file updates the events instead of adding
/// copies. Reminders for the next ice or heat session are not included yet.
public enum ICalendar {
    /// The routine, in the words of CLINICAL.md (NHS and Arthritis Research UK leaflets).
    static let routine = """
        Low back: knee rolls, bottom-to-heels stretch, pelvic tilt, bridge, back extension; start with about 5 \
        repetitions and add 1-2 every few days. Neck: chin to chest, chin tuck, side tilt, neck turn, each held \
        5 seconds, 5 times; shoulder-blade squeezes. Stop if your symptoms get worse. Log it with: spasm treat pt
        """
    /// A calendar slot for the routine. Product choice: the leaflets give repetitions, not minutes.
    static let slotMinutes = 15

    /// - Parameters:
    ///   - now: the file's DTSTAMP, and the day the series starts from.
    ///   - utcOffset: the user's offset now, to find today's date.
    public static func render(_ pt: PTSchedule, now: Date, utcOffset: Int) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//spasm//spasm export//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:PT routine"]
        let today = CivilTime(now, utcOffset: utcOffset)
        let stamp = CivilTime(now, utcOffset: 0)
        let days = pt.weekdays.sorted { ($0 + 6) % 7 < ($1 + 6) % 7 }   // Monday first
        if let first = (0..<7).first(where: { pt.weekdays.contains((today.weekday + $0) % 7) }) {
            let start = CivilTime(now.addingTimeInterval(Double(first * 86_400)), utcOffset: utcOffset)
            for minute in pt.minutesOfDay {
                let clock = digits(minute / 60) + digits(minute % 60)
                lines += [
                    "BEGIN:VEVENT",
                    "UID:pt-\(clock)@spasm",
                    "DTSTAMP:\(compact(stamp))Z",
                    "DTSTART:\(digits(start.year, 4))\(digits(start.month))\(digits(start.day))T\(clock)00",
                    "DURATION:PT\(slotMinutes)M",
                    "RRULE:FREQ=WEEKLY;BYDAY=\(days.map { byDay[$0] }.joined(separator: ","))",
                    "SUMMARY:\(escape("PT routine"))",
                    "DESCRIPTION:\(escape(routine))",
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "DESCRIPTION:\(escape("Time for your PT routine"))",
                    "TRIGGER:PT0M",
                    "END:VALARM",
                    "END:VEVENT",
                ]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static let byDay = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = "", octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }

    static func compact(_ t: CivilTime) -> String {
        "\(digits(t.year, 4))\(digits(t.month))\(digits(t.day))T\(digits(t.hour))\(digits(t.minute))\(digits(t.second))"
    }

    static func digits(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
