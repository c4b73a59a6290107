import Foundation
import Testing

/// The PDF report, drawn by `spasm-render`, read back with poppler and qpdf.
@Suite struct ReportTests {
    @Test func pageOneHasThePeriodCountsAndActivities() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        let result = try spasm("export", "--format", "pdf", "--since", "30d", "-o", spasm.file("report.pdf"))
        #expect(result.status == 0, "\(result.stderr)")
        let check = try spasm.tool("qpdf", "--check", spasm.file("report.pdf"))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let page = try spasm.tool("pdftotext", "-f", "1", "-l", "1", "-layout", spasm.file("report.pdf"), "-")
        #expect(page.status == 0)
        let text = page.stdout
        // 30 days back in Berlin's calendar, as the user counts them.
        var berlin = Calendar(identifier: .gregorian)
        berlin.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let start = berlin.date(byAdding: .day, value: -30, to: Date())!
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = berlin.timeZone
        #expect(text.contains("Period: \(formatter.string(from: start)) to \(formatter.string(from: Date())) (30 days)"), "\(text)")
        #expect(text.contains("4") && text.contains("episodes"))
        #expect(text.range(of: #"4\s+0\.9\s+6\.0/10\s+8/10"#, options: .regularExpression) != nil, "\(text)")
        // Tags on episodes are no comparison: page one says the activities are too rarely logged, not "lifting (3)".
        #expect(text.contains("Activities: spasms within") && text.contains("too few to compare: lifting, desk work"), "\(text)")
        #expect(!text.contains("Top triggers") && !text.contains("lifting (3)"))
        #expect(text.contains("Red flags ever reported"))
        #expect(text.contains("[arm-weakness]"))
        // Today's suggestions, as `spasm suggest` gives them, with the rule's own wording.
        #expect(text.contains("Current suggestions (spasm suggest)"), "\(text)")
        let suggest = try spasm("suggest", "--json")
        #expect(suggest.stdout.contains("Get medical help now: you logged a red flag"))
        #expect(text.contains("Get medical help now: you logged a red flag"), "\(text)")
        #expect(text.contains("Page 1 of"))
    }

    /// Page one in the order a clinician asks, with the period before and whether each red flag was seen.
    @Test func pageOneComparesWithThePeriodBeforeAndSaysWhatWasAcknowledged() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        #expect(try spasm("export", "--format", "pdf", "--since", "2d", "-o", spasm.file("before.pdf")).status == 0)
        var text = try spasm.tool("pdftotext", "-f", "1", "-l", "1", spasm.file("before.pdf"), "-").stdout
        #expect(text.range(of: #"episodes a week, [0-9.]+ in the \d+ days? (logged )?before"#, options: .regularExpression) != nil, "\(text)")
        #expect(text.contains("(urgent care); not acknowledged"), "\(text)")
        let order = ["Episodes per week", "Red flags ever reported", "Medication days", "Treatments tried", "PT routine", "Activities: spasms within"]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted(), "\(text)")

        #expect(try spasm("suggest", "--ack").status == 0)
        #expect(try spasm("export", "--format", "pdf", "--since", "2d", "-o", spasm.file("after.pdf")).status == 0)
        text = try spasm.tool("pdftotext", "-f", "1", "-l", "1", spasm.file("after.pdf"), "-").stdout
        #expect(text.contains("(urgent care); acknowledged"), "\(text)")
        // The ibuprofen was logged "2d ago", at the edge of "--since 2d": in or out by a second.
        #expect(text.range(of: #"NSAID on [01] days? \(the label's limit for pain is 10 days"#, options: .regularExpression) != nil, "\(text)")
    }

    @Test func everyNoteIsInTheLogAndFontsAreEmbedded() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        #expect(try spasm("export", "--format", "pdf", "-o", spasm.file("report.pdf")).status == 0)
        // Notes wrap in their column, so compare without white space.
        let all = try spasm.tool("pdftotext", spasm.file("report.pdf"), "-").stdout.filter { !$0.isWhitespace }
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        #expect(all.contains(squeezed("HYPERLINK(\"http://evil.example\",\"click me\")")))
        #expect(all.contains(squeezed("<script>alert(1)</script> & *bold* _under_ # heading")))
        #expect(all.contains(squeezed("END OF THE LONG NOTE")))
        #expect(all.contains(squeezed("line 900: the ache moved")))
        #expect(["日", "本", "語", "痛"].allSatisfy { all.contains($0) })   // the line may wrap inside the word
        #expect(all.contains("Çafaitmal"))
        #expect(all.contains("שלום") || all.contains("םולש"))   // poppler may extract RTL in visual order
        let fonts = try spasm.tool("pdffonts", spasm.file("report.pdf")).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.suffix(5).first == "yes", "not embedded: \(font)")   // the "emb" column
        }
    }

    /// Looked at by eye once (A4, 1241x1754 at 150 dpi): the figures, chart and sections sit where they should.
    @Test func pageOneRendersAtA4OrLetter() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        #expect(try spasm("export", "--format", "pdf", "-o", spasm.file("a4.pdf")).status == 0)
        #expect(try spasm.tool("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", spasm.file("a4.pdf"), spasm.file("a4")).status == 0)
        #expect(try Self.pngSize(spasm.file("a4.png")) == (1241, 1754))

        spasm.extraEnvironment["LANG"] = "en_US.UTF-8"
        #expect(try spasm("export", "--format", "pdf", "-o", spasm.file("letter.pdf")).status == 0)
        #expect(try spasm.tool("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", spasm.file("letter.pdf"), spasm.file("letter")).status == 0)
        #expect(try Self.pngSize(spasm.file("letter.png")) == (1275, 1650))
    }

    @Test func anEmptyPeriodStillGivesAValidReport() throws {
        let spasm = SpasmRunner()
        let result = try spasm("export", "--format", "pdf", "-o", spasm.file("empty.pdf"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("no entries from"))
        #expect(try spasm.tool("qpdf", "--check", spasm.file("empty.pdf")).status == 0)
        #expect(try spasm.tool("pdftotext", spasm.file("empty.pdf"), "-").stdout.contains("No entries were logged in this period."))
    }

    @Test func spasmItselfLinksNeitherCairoNorPango() throws {
        let libraries = try SpasmRunner().tool("ldd", SpasmRunner.binary("spasm")).stdout
        #expect(!libraries.contains("cairo") && !libraries.contains("pango"), "\(libraries)")
        let render = try SpasmRunner().tool("ldd", SpasmRunner.binary("spasm-render")).stdout
        #expect(render.contains("libpangocairo"))   // the check above can see them when they are there
    }

    @Test func aMissingRendererIsNamed() throws {
        let spasm = SpasmRunner()
        spasm.extraEnvironment["SPASM_RENDER"] = spasm.file("nowhere/spasm-render")
        let result = try spasm("export", "--format", "pdf", "-o", spasm.file("r.pdf"))
        #expect(result.status == 69)
        #expect(result.stderr.contains("cannot run"))
        #expect(!FileManager.default.fileExists(atPath: spasm.file("r.pdf")))
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ path: String) throws -> (Int, Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        func number(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
