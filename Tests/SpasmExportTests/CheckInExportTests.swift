import Foundation
import Testing
import SpasmCore
@testable import SpasmExport

/// PEG check-ins in every export: the backup, CSV, Markdown and FHIR.
@Suite struct CheckInExportTests {
    static let entries: [Entry] = [
        Entry(uuid: Fixtures.uuid(41), at: Fixtures.at(day: 0, hour: 19), utcOffset: Fixtures.offset, note: "first week",
              body: .checkin(try! CheckIn(pain: 7, enjoyment: 6, activity: 8))),
        Entry(uuid: Fixtures.uuid(42), at: Fixtures.at(day: 7, hour: 19), utcOffset: Fixtures.offset,
              body: .checkin(try! CheckIn(pain: 5, enjoyment: 4, activity: 3))),
    ]

    @Test func theBackupRestoresCheckIns() throws {
        let data = JournalBackup.encode(Self.entries)
        #expect(String(decoding: data, as: UTF8.self).contains(#""checkin": {"activity": 8, "enjoyment": 6, "pain": 7}"#))
        let restored = try JournalBackup.decode(data)
        #expect(restored == Self.entries)
        let hostile = String(decoding: data, as: UTF8.self).replacingOccurrences(of: #""pain": 7"#, with: #""pain": 70"#)
        #expect(throws: (any Error).self) { try JournalBackup.decode(Data(hostile.utf8)) }
    }

    @Test func csvHasACheckInTable() {
        let lines = CSVExport.render(.checkins, entries: Fixtures.journal + Self.entries).components(separatedBy: "\r\n")
        #expect(lines[0] == "uuid,time,pain,enjoyment,activity,peg_score,note")
        #expect(lines[1] == "00000000-0000-4000-8000-000000000041,2026-01-05T20:00:00+01:00,7,6,8,7.0,first week")
        #expect(lines[2] == "00000000-0000-4000-8000-000000000042,2026-01-12T20:00:00+01:00,5,4,3,4.0,")
    }

    @Test func theSummaryGivesTheFirstAndLastScore() {
        let summary = PeriodSummary(entries: Fixtures.journal + Self.entries, period: Fixtures.period, dayStartHour: 4,
                                    pt: PTSchedule(minutesOfDay: [], weekdays: []))
        #expect(summary.weeks.map(\.peg) == [7, 4])
        #expect(MarkdownSummary.render(summary).contains("- **Function (PEG):** PEG 7.0 on 2026-01-05 → 4.0 on 2026-01-12 (2 check-ins; 0-10, lower is better)"))
    }

    @Test func fhirHasAnObservationPerItemAndTheScoreWithLOINCCodes() throws {
        let data = FHIRBundle.render(Self.entries, patient: Fixtures.uuid(1), bundle: Fixtures.uuid(2), now: Fixtures.monday, utcOffset: 3600)
        let bundle = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        let observations = resources.filter { $0["resourceType"] as? String == "Observation" }
        func code(_ r: [String: Any]) -> String? { ((r["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String }
        #expect(observations.compactMap(code) == ["75893-8", "91145-3", "91146-1", "91147-9", "75893-8", "91145-3", "91146-1", "91147-9"])
        #expect(observations[0]["valueInteger"] as? Int == 7)
        let score = observations[3]
        #expect((score["valueQuantity"] as? [String: Any])?["value"] as? Double == 7)
        #expect((score["hasMember"] as? [[String: String]])?.count == 3)
        // Every id in the bundle is distinct.
        let ids = resources.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
    }
}
