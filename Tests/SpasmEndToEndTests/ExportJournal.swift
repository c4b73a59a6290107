import Foundation
import Testing

/// A journal made through the CLI whose notes try to break every export format.
extension SpasmRunner {
    static let formulaNote = "=HYPERLINK(\"http://evil.example\",\"click me\")"
    static let markupNote = "<script>alert(1)</script> & *bold* _under_ # heading `code` | pipe"
    static let scriptsNote = "Ça fait mal 😖🔥 — שלום עולם — مرحبا بالعالم — 日本語の痛み"
    /// 100 KB, several lines, ending in a marker a test can look for.
    static let longNote: String = {
        var text = ""
        var line = 0
        while text.utf8.count < 100_000 {
            line += 1
            text += "line \(line): the ache moved from the left shoulder blade to the lower back; heat helped a little.\n"
        }
        return text + "END OF THE LONG NOTE"
    }()

    /// Logs episodes, caffeine and treatments over the last days, with the hostile notes.
    func makeExportJournal() throws {
        let steps: [([String], Data?)] = [
            (["log", "lower-back", "7", "--trigger", "lifting", "--at", "3d ago", "--note", Self.formulaNote], nil),
            (["log", "neck", "5", "--trigger", "desk work", "--trigger", "lifting", "--at", "2d ago", "--note", Self.markupNote], nil),
            (["log", "upper-back", "4", "--trigger", "lifting", "--at", "1d ago", "--note", "-"], Data(Self.longNote.utf8)),
            (["log", "neck", "8", "--red-flag", "arm-weakness", "--at", "5h ago", "--note", Self.scriptsNote], nil),
            (["caffeine", "coffee", "x2", "--at", "2d ago", "--note", "+1 espresso @work"], nil),
            (["caffeine", "tea", "--at", "1d ago"], nil),
            (["treat", "nsaid", "--name", "ibuprofen", "--relief", "4", "--at", "2d ago", "--note=-took it with food"], nil),
            (["treat", "ice", "--minutes", "15", "--relief", "6", "--at", "1d ago"], nil),
            (["treat", "pt", "--at", "1d ago"], nil),
        ]
        for (arguments, input) in steps {
            let result = try run(Self.binary("spasm"), arguments, input: input)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// Runs a tool from the system (pdftotext, qpdf, python3) with arguments.
    func tool(_ name: String, _ arguments: String..., input: Data? = nil) throws -> Result {
        try run(name.hasPrefix("/") ? name : "/usr/bin/" + name, arguments, input: input)
    }

    func file(_ name: String) -> String { home + "/" + name }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }
}
