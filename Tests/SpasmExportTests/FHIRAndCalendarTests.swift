import Foundation
import Testing
import SpasmCore
@testable import SpasmExport

@Suite struct FHIRTests {
    func bundle(_ entries: [Entry] = Fixtures.journal) throws -> [String: Any] {
        let data = FHIRBundle.render(entries, patient: Fixtures.uuid(900), bundle: Fixtures.uuid(901), now: Fixtures.monday, utcOffset: 3600)
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func resources(_ bundle: [String: Any]) -> [[String: Any]] {
        (bundle["entry"] as! [[String: Any]]).map { $0["resource"] as! [String: Any] }
    }

    @Test func aCollectionWithThePatientEpisodesMedicinesAndCaffeine() throws {
        let b = try bundle()
        #expect(b["resourceType"] as? String == "Bundle")
        #expect(b["type"] as? String == "collection")
        let types = resources(b).map { $0["resourceType"] as! String }
        #expect(types.filter { $0 == "Patient" }.count == 1)
        #expect(types.filter { $0 == "Observation" }.count == 4 + 2)
        #expect(types.filter { $0 == "MedicationStatement" }.count == 3)   // ice and PT are not medicines
    }

    @Test func anEpisodeIsAPainScoreObservation() throws {
        let episode = resources(try bundle())[1]
        #expect(episode["valueInteger"] as? Int == 7)
        let code = (episode["code"] as! [String: Any])["coding"] as! [[String: Any]]
        #expect(code[0]["system"] as? String == "http://loinc.org")
        #expect(code[0]["code"] as? String == "72514-3")
        let site = (episode["bodySite"] as! [String: Any])["coding"] as! [[String: Any]]
        #expect(site[0]["code"] as? String == "37822005")
        #expect(episode["effectivePeriod"] as? [String: String] == ["start": "2026-01-05T10:00:00+01:00", "end": "2026-01-05T10:30:00+01:00"])
        #expect((episode["subject"] as? [String: String])?["reference"] == "urn:uuid:\(Fixtures.uuid(900).uuidString.lowercased())")
        let notes = (episode["note"] as! [[String: String]]).map { $0["text"]! }
        #expect(notes == [Fixtures.hostileNote, "Triggers: lifting"])
    }

    @Test func anActivityIsAnActivityObservationWithItsPeriod() throws {
        let lasting = Entry(uuid: Fixtures.uuid(50), at: Fixtures.at(day: 3, hour: 17), utcOffset: 3600, note: "weeding",
                            body: .activity(Activity(unchecked: "gardening", minutes: 45)))
        let moment = Entry(uuid: Fixtures.uuid(51), at: Fixtures.at(day: 4, hour: 8), utcOffset: 3600,
                           body: .activity(Activity(unchecked: "lifting", minutes: nil)))
        let found = resources(try bundle([lasting, moment]))
        #expect(found.count == 3)
        let (first, second) = (found[1], found[2])
        #expect(first["resourceType"] as? String == "Observation" && first["status"] as? String == "final")
        let category = ((first["category"] as! [[String: Any]])[0]["coding"] as! [[String: Any]])[0]
        #expect(category["system"] as? String == "http://terminology.hl7.org/CodeSystem/observation-category")
        #expect(category["code"] as? String == "activity")
        let code = ((first["code"] as! [String: Any])["coding"] as! [[String: Any]])[0]
        #expect(code["system"] as? String == FHIRBundle.localCodeSystem && code["code"] as? String == "activity-performed")
        #expect((first["valueCodeableConcept"] as? [String: String])?["text"] == "gardening")
        #expect(first["effectivePeriod"] as? [String: String] == ["start": "2026-01-08T18:00:00+01:00", "end": "2026-01-08T18:45:00+01:00"])
        #expect((first["note"] as! [[String: String]]).map { $0["text"]! } == ["weeding"])
        #expect(second["effectiveDateTime"] as? String == "2026-01-09T09:00:00+01:00" && second["effectivePeriod"] == nil)
    }

    @Test func aMedicineHasItsNameAndNoDose() throws {
        let statement = resources(try bundle()).first { $0["resourceType"] as? String == "MedicationStatement" }!
        #expect((statement["medicationCodeableConcept"] as? [String: String])?["text"] == "ibuprofen (NSAID)")
        #expect(statement["dosage"] == nil)
        #expect(statement["status"] as? String == "completed")
    }
}

@Suite struct CalendarTests {
    let pt = PTSchedule(minutesOfDay: [480, 1110], weekdays: [1, 3, 5])

    @Test func oneWeeklyEventPerTimeWithADisplayAlarm() {
        let text = ICalendar.render(pt, now: Fixtures.at(day: 1, hour: 12), utcOffset: 3600)   // a Tuesday
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3)
        #expect(text.contains("DTSTART:20260107T080000\r\n"))   // the next Wednesday
        #expect(text.contains("DTSTART:20260107T183000\r\n"))
        #expect(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\n"))
        #expect(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"))
        #expect(text.contains("UID:pt-0800@spasm\r\n"))
    }

    @Test func linesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        let folded = ICalendar.fold("DESCRIPTION:" + String(repeating: "é日", count: 60))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == "DESCRIPTION:" + String(repeating: "é日", count: 60))
    }

    @Test func textIsEscaped() {
        #expect(ICalendar.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
    }
}

@Suite struct PaperTests {
    @Test(arguments: [
        ("auto", ["LANG": "en_US.UTF-8"], PaperSize.letter),
        ("auto", ["LANG": "de_DE.UTF-8"], .a4),
        ("auto", ["LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"], .a4),
        ("auto", ["LC_ALL": "es_MX.UTF-8", "LC_PAPER": "en_GB.UTF-8"], .letter),
        ("auto", ["LANG": "C.UTF-8"], .a4),
        ("auto", [:], .a4),
        ("letter", ["LANG": "de_DE.UTF-8"], .letter),
        ("a4", ["LANG": "en_US.UTF-8"], .a4),
    ])
    func paperFollowsConfigThenLocale(configured: String, environment: [String: String], expected: PaperSize) {
        #expect(PaperSize.resolve(configured, environment: environment) == expected)
    }
}
