import Foundation
import Testing

/// `spasm checkin`, the weekly PEG check-in, through the built binaries: logged, refused, edited,
/// undone, and carried into the FHIR bundle (validated as R4) and the PDF.
@Suite struct CheckInTests {
    @Test func aCheckInIsLoggedEditedAndUndone() throws {
        let spasm = SpasmRunner()
        let logged = try spasm("checkin", "--pain", "6", "--enjoyment", "5", "--activity", "7", "--at", "2h ago", "--note", "a hard week")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("PEG 6.0 (pain 6, enjoyment 5, activity 7)"), "\(logged.stdout)")
        let history = try spasm("history", "--json")
        #expect(history.stdout.contains(#""checkin""#) && history.stdout.range(of: #""pain" ?: ?6"#, options: .regularExpression) != nil, "\(history.stdout)")
        #expect(try spasm("edit", "1", "--pain", "3").status == 0)
        #expect(try spasm("history").stdout.contains("PEG 5.0 (pain 3, enjoyment 5, activity 7)"))
        let wrong = try spasm("edit", "1", "--severity", "4")
        #expect(wrong.status == 64 && wrong.stderr.contains("does not apply"), "\(wrong.stderr)")
        #expect(try spasm("undo").status == 0)
        #expect(try spasm("history").stdout.contains("PEG 6.0 (pain 6"))
        #expect(try spasm("delete", "1").status == 0)
        #expect(try spasm.entries().isEmpty)
        #expect(try spasm("undo").status == 0)
        #expect(try spasm.entries().count == 1)
    }

    @Test func aCheckInWithoutAllThreeAnswersOrOutsideTheScaleWritesNothing() throws {
        let spasm = SpasmRunner()
        let missing = try spasm("checkin", "--pain", "6")
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("needs all three answers; missing: --enjoyment, --activity"), "\(missing.stderr)")
        let outside = try spasm("checkin", "--pain", "11", "--enjoyment", "5", "--activity", "7")
        #expect(outside.status == 64 && outside.stderr.contains("11 is outside 0-10"), "\(outside.stderr)")
        let nothing = try !FileManager.default.fileExists(atPath: spasm.journalPath) || spasm.entries().isEmpty
        #expect(nothing)
    }

    @Test func checkInsAreFHIRObservationsThatValidateAsR4() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        #expect(try spasm("checkin", "--pain", "6", "--enjoyment", "5", "--activity", "7", "--at", "8d ago").status == 0)
        #expect(try spasm("checkin", "--pain", "4", "--enjoyment", "3", "--activity", "4", "--at", "1h ago").status == 0)
        #expect(try spasm("export", "--format", "fhir", "-o", spasm.file("bundle.json")).status == 0)
        let script = """
            import json, sys
            from fhir.resources.bundle import Bundle
            bundle = Bundle.parse_raw(open(sys.argv[1], encoding="utf-8").read())
            codes = [c.code for e in bundle.entry if e.resource.resource_type == "Observation" for c in e.resource.code.coding]
            scores = [e.resource for e in bundle.entry if e.resource.resource_type == "Observation" and e.resource.code.coding[0].code == "91147-9"]
            members = {m.reference for s in scores for m in s.hasMember}
            urls = {e.fullUrl for e in bundle.entry}
            print(json.dumps({"codes": codes, "scores": [float(s.valueQuantity.value) for s in scores], "resolved": members <= urls}))
            """
        let checked = try spasm.tool(try ExportTests.testPython(), "-c", script, spasm.file("bundle.json"))
        #expect(checked.status == 0, "\(checked.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        let codes = report["codes"] as? [String] ?? []
        for code in ["75893-8", "91145-3", "91146-1", "91147-9"] { #expect(codes.filter { $0 == code }.count == 2, "\(code)") }
        #expect(report["scores"] as? [Double] == [6, 3.67])
        #expect(report["resolved"] as? Bool == true)
    }

    @Test func thePDFShowsThePEGTrendWithItsFirstAndLastValue() throws {
        let spasm = SpasmRunner()
        try spasm.makeExportJournal()
        for (days, pain) in [(20, 7), (13, 6), (6, 5), (0, 4)] {
            let at = days == 0 ? "1h ago" : "\(days)d ago"
            #expect(try spasm("checkin", "--pain", "\(pain)", "--enjoyment", "4", "--activity", "4", "--at", at).status == 0)
        }
        #expect(try spasm("export", "--format", "pdf", "--since", "30d", "-o", spasm.file("r.pdf")).status == 0)
        let text = try spasm.tool("pdftotext", "-f", "1", "-l", "1", spasm.file("r.pdf"), "-").stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.range(of: #"Function \(PEG\) PEG 5\.0 on \d{4}-\d\d-\d\d → 4\.0 on \d{4}-\d\d-\d\d \(4 check-ins"#, options: .regularExpression) != nil, "\(text)")
        let functionAt = text.range(of: "Function (PEG)")?.lowerBound
        let redFlagsAt = text.range(of: "Red flags ever reported")?.lowerBound
        #expect(functionAt != nil && redFlagsAt != nil && functionAt! < redFlagsAt!)
    }
}
