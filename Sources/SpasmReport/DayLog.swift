import SpasmCore
import SpasmExport

/// The log after the summary: one block per journal day, oldest first, so a clinician scans a season
/// in a few pages. A day holds a line of its episodes (start–end, region and side, severity, triggers),
/// a line of its caffeine as one total with the drinks listed compactly, the activities logged that day
/// (time, name, minutes) and its treatments with the relief, and every note in full, cut into pieces
/// that may continue on the next page.
struct DayLog {
    let canvas: Canvas
    let days: [Day]

    /// What one journal day's block says, line by line, before any layout.
    struct Day {
        var date: String
        var lines: [String] = []
        /// Notes in full, each "08:12 episode: text".
        var notes: [String] = []
    }

    static let dateWidth = 80.0
    static let gap = 8.0

    init(entries: [Entry], dayStartHour: Int, canvas: Canvas) {
        self.canvas = canvas
        var byDay: [(day: Int, entries: [Entry])] = []
        for entry in entries {
            let day = JournalDay(entry.at, utcOffset: entry.utcOffset, startHour: dayStartHour).dayNumber
            if byDay.last?.day == day { byDay[byDay.count - 1].entries.append(entry) } else { byDay.append((day, [entry])) }
        }
        days = byDay.map { Self.day($0.day, $0.entries) }
    }

    /// "Mon 2026-09-07" and the day's lines.
    static func day(_ number: Int, _ entries: [Entry]) -> Day {
        let date = JournalDay(dayNumber: number).description
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((number % 7) + 7) % 7]
        var day = Day(date: "\(weekday) \(date)")
        var episodes: [String] = [], activities: [String] = [], treatments: [String] = []
        var caffeine = 0.0
        var drinks: [(name: String, servings: Double)] = []
        for entry in entries {
            let time = CivilTime(entry.at, utcOffset: entry.utcOffset).clock
            switch entry.body {
            case .episode(let e):
                episodes.append(episode(e, start: entry))
            case .caffeine(let c):
                caffeine += c.milligrams
                let name = c.drink ?? "\(CaffeineInput.format(c.milligrams)) mg"
                if let index = drinks.firstIndex(where: { $0.name == name }) { drinks[index].servings += c.servings }
                else { drinks.append((name, c.servings)) }
            case .treatment(let t):
                treatments.append("\(time) " + LogText.treatment(t))
            case .activity(let a):
                activities.append("\(time) \(a.name)" + (a.minutes.map { " (\($0) min)" } ?? ""))
            case .checkin(let p):
                treatments.append("\(time) PEG \(SummaryText.decimal(p.score)) (pain \(p.pain), enjoyment \(p.enjoyment), activity \(p.activity))")
            }
            if let note = entry.note, !note.isEmpty { day.notes.append("\(time) \(entry.kind.rawValue): \(note)") }
        }
        if !episodes.isEmpty { day.lines.append(episodes.joined(separator: " · ")) }
        var rest: [String] = []
        if !drinks.isEmpty {
            let listed = drinks.map { $0.servings == 1 ? $0.name : "\($0.name) ×\(CaffeineInput.format($0.servings))" }
            rest.append("Caffeine \(CaffeineInput.format(caffeine.rounded())) mg (\(listed.joined(separator: ", ")))")
        }
        if !activities.isEmpty { rest.append("Activities " + activities.joined(separator: ", ")) }
        rest += treatments
        if !rest.isEmpty { day.lines.append(rest.joined(separator: " · ")) }
        return day
    }

    /// "08:12–08:40 neck (left) 6/10 lifting, desk work", with any red flag named.
    static func episode(_ e: Episode, start: Entry) -> String {
        var text = CivilTime(start.at, utcOffset: start.utcOffset).clock
        if let end = e.endedAt {
            let minutes = Int(end.timeIntervalSince(start.at) / 60)
            // An episode past midnight or longer than a day says how long it lasted.
            text += minutes < 12 * 60 ? "–\(CivilTime(end, utcOffset: e.endedUTCOffset ?? start.utcOffset).clock)" : " (\(minutes / 60) h)"
        } else {
            text += " (not ended)"
        }
        text += " \(e.region.rawValue)\(e.side.map { " (\($0.rawValue))" } ?? "") \(e.severity.rawValue)/10"
        if !e.triggers.isEmpty { text += " " + e.triggers.joined(separator: ", ") }
        if !e.redFlags.isEmpty { text += ", RED FLAG: " + e.redFlags.map(\.rawValue).joined(separator: ", ") }
        return text
    }

    /// The log as one section after the summary: its heading, then the days, a rule between them.
    func section(title: String) -> PageFlow.Section {
        let page = canvas, left = ReportStyle.margin
        let width = canvas.width - 2 * ReportStyle.margin
        let textX = left + Self.dateWidth + Self.gap, textWidth = width - Self.dateWidth - Self.gap
        let heading = page.text(title, ReportStyle.heading, width: width)
        var pieces = [PageFlow.Piece(height: heading.height, space: 14, keepWithNext: true) { y in page.draw(heading, x: left, y: y) }]
        if days.isEmpty {
            let none = page.text("No entries.", ReportStyle.small, width: width)
            pieces.append(PageFlow.Piece(height: none.height, space: 4) { y in page.draw(none, x: left, y: y) })
        }
        for day in days {
            let date = page.text(day.date, ReportStyle.smallBold, width: Self.dateWidth)
            var blocks = day.lines.map { page.text($0, ReportStyle.small, width: textWidth) }
            for note in day.notes {
                blocks += LogText.pieces(of: note).map { page.text($0, ReportStyle.small, width: textWidth) }
            }
            // A short day stays on one page; a day with long notes may continue on the next.
            let keep = blocks.count <= 6
            for (index, block) in blocks.enumerated() {
                let first = index == 0
                let height = first ? max(block.height, date.height) : block.height
                pieces.append(PageFlow.Piece(height: height, space: first ? 3 : 0, keepWithNext: keep && index < blocks.count - 1) { y in
                    if first {
                        page.line(from: (left, y - 1.5), to: (left + width, y - 1.5), .rule, width: 0.3)
                        page.draw(date, x: left, y: y)
                    }
                    page.draw(block, x: textX, y: y)
                })
            }
        }
        let continued = page.text("\(title), continued", ReportStyle.smallBold, width: width)
        return PageFlow.Section(pieces: pieces, continued: PageFlow.Piece(height: continued.height) { y in page.draw(continued, x: left, y: y, .muted) })
    }
}

/// The words the log uses for an entry, and how it cuts long notes.
enum LogText {
    /// "09:00 ice 15 min, relief 6/10" without the time, "NSAID (ibuprofen)".
    static func treatment(_ t: Treatment) -> String {
        var text = t.kind.label + (t.name.map { " (\($0))" } ?? "")
        if let minutes = t.minutes { text += " \(minutes) min" }
        if let relief = t.relief { text += ", relief \(relief)/10" }
        return text
    }

    /// Pieces of at most ~400 characters (a few lines each, so pages fill), cut after a line break or a
    /// space where one is near.
    static func pieces(of note: String, limit: Int = 400) -> [String] {
        guard note.count > limit else { return note.isEmpty ? [] : [note] }
        var pieces: [String] = []
        var rest = Substring(note)
        while rest.count > limit {
            let end = rest.index(rest.startIndex, offsetBy: limit)
            let window = rest[rest.index(end, offsetBy: -80)..<end]
            let cut = window.lastIndex(of: "\n") ?? window.lastIndex(of: " ") ?? end
            let next = cut == end ? end : rest.index(after: cut)
            pieces.append(String(rest[..<next]))
            rest = rest[next...]
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }
}
