import SpasmCore

/// A short summary to paste into a patient-portal message.
///
/// Labels the user typed (activities, medicine names) are escaped so they show as written; notes are
/// quoted in fenced code blocks, which every Markdown renderer shows verbatim, markup and all.
public enum MarkdownSummary {
    public static func render(_ s: PeriodSummary) -> String {
        var lines = ["## Neck and back spasm journal: \(SummaryText.period(s))", ""]
        if !s.redFlags.isEmpty {
            lines.append("**Red flags ever reported:**")
            lines += SummaryText.redFlags(s).map { "- \(escape($0))" }
            lines.append("")
        }
        lines.append("- **Episodes:** \(SummaryText.episodes(s))")
        if let severity = SummaryText.severity(s) { lines.append("- **Severity (0-10):** \(severity)") }
        if let regions = SummaryText.regions(s) { lines.append("- **Where:** \(regions)") }
        lines.append("- **Function (PEG):** \(SummaryText.peg(s))")
        if s.activities != nil {
            lines.append("- **\(SummaryText.activitiesHeading(s)):**")
            lines += SummaryText.activities(s).map { "  - \(escape($0))" }
        }
        let treatments = SummaryText.treatments(s)
        if !treatments.isEmpty {
            lines.append("- **Treatments tried:**")
            lines += treatments.map { "  - \(escape($0))" }
        }
        lines.append("- **Medication days:** \(SummaryText.medicationDays(s))")
        lines.append("- **Caffeine:** \(SummaryText.caffeine(s))")
        if let pt = SummaryText.ptAdherence(s) { lines.append("- **PT routine:** \(pt)") }
        if s.entries.isEmpty { lines += ["", "No entries were logged in this period."] }
        let notes = s.entries.filter { !($0.note ?? "").isEmpty }
        if !notes.isEmpty {
            lines += ["", "### Notes"]
            for entry in notes {
                let when = CivilTime(entry.at, utcOffset: entry.utcOffset).short
                lines += ["", "\(CivilTime(entry.at, utcOffset: entry.utcOffset).date) \(when.suffix(5)), \(entry.kind.rawValue):"]
                lines += fenced(entry.note!)
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// Backslash-escapes the characters Markdown would read as markup.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if markup.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Inline markup only: labels never start a line, so list and heading markers need no escape.
    static let markup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&"]

    /// A code fence longer than any run of backticks inside the text, so nothing can close it early.
    static func fenced(_ text: String) -> [String] {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + "text", text, fence]
    }
}
