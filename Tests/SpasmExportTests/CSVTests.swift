import Foundation
import Testing
import SpasmCore
@testable import SpasmExport

@Suite struct CSVTests {
    @Test(arguments: ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func cellsASpreadsheetWouldRunGetAQuote(text: String) {
        let field = CSVExport.field(text)
        #expect(field.hasPrefix("'") || field.hasPrefix("\"'"), "\(field)")
    }

    @Test func ordinaryCellsAreLeftAloneAndSpecialOnesQuoted() {
        #expect(CSVExport.field("lifting") == "lifting")
        #expect(CSVExport.field("a, b") == "\"a, b\"")
        #expect(CSVExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVExport.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVExport.field("a=b") == "a=b")
    }

    @Test func eachTableHasAHeaderAndOneRowPerEntryOfItsKind() {
        let episodes = CSVExport.render(.episodes, entries: Fixtures.journal)
        let lines = episodes.components(separatedBy: "\r\n")
        #expect(lines[0] == "uuid,start,end,region,side,severity,triggers,red_flags,note")
        #expect(lines.count == 1 + 4 + 1)   // header, four episodes, the empty string after the last CRLF
        #expect(lines[3].hasPrefix("00000000-0000-4000-8000-000000000009,2026-01-13T10:00:00+01:00,2026-01-13T10:30:00+01:00,lower-back,,9,lifting,saddle-numbness,"))
        #expect(lines[1].hasSuffix(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\") <b>bold</b> & *star* _under_ # hash `tick` 😖 שלום עולם مرحبا 日本語\""))
        let treatments = CSVExport.render(.treatments, entries: Fixtures.journal).components(separatedBy: "\r\n")
        #expect(treatments[0] == "uuid,time,kind,name,minutes,relief,note")
        #expect(treatments[2] == "00000000-0000-4000-8000-000000000004,2026-01-05T11:00:00+01:00,nsaid,ibuprofen,,4,")
        let caffeine = CSVExport.render(.caffeine, entries: []).components(separatedBy: "\r\n")
        #expect(caffeine == ["uuid,time,drink,servings,milligrams,note", ""])
        let activity = Entry(uuid: Fixtures.uuid(50), at: Fixtures.at(day: 3, hour: 17), utcOffset: 3600, note: "weeding, mostly",
                             body: .activity(Activity(unchecked: "gardening", minutes: 45)))
        let activities = CSVExport.render(.activities, entries: Fixtures.journal + [activity]).components(separatedBy: "\r\n")
        #expect(activities == ["uuid,time,activity,minutes,note",
                               "00000000-0000-4000-8000-000000000050,2026-01-08T18:00:00+01:00,gardening,45,\"weeding, mostly\"", ""])
    }
}

@Suite struct CSVClockTests {
    /// A spreadsheet shows the user's own clock: local time with its offset, "+00:00" rather than "Z".
    @Test func timesAreTheLocalClockWithTheirOffset() {
        let instant = Date(timeIntervalSince1970: 1_796_114_220)   // 2026-12-01T08:37:00Z
        let berlin = Entry(uuid: Fixtures.uuid(1), at: instant, utcOffset: 3600, body: .caffeine(CaffeineIntake(milligrams: 96, drink: "coffee")))
        var london = berlin
        london.utcOffset = 0
        #expect(CSVExport.render(.caffeine, entries: [berlin]).contains(",2026-12-01T09:37:00+01:00,coffee,"))
        #expect(CSVExport.render(.caffeine, entries: [london]).contains(",2026-12-01T08:37:00+00:00,coffee,"))
    }
}

@Suite struct TextBytesTests {
    @Test(arguments: [0, 3600, -18_000, 19_800, -34_200])
    func timesReadAsCivilTimeWritesThem(offset: Int) {
        for seconds in stride(from: -86_400 * 400, through: 86_400 * 40_000, by: 86_400 * 37 + 3_601) {
            let instant = Date(timeIntervalSince1970: Double(seconds))
            var bytes: [UInt8] = []
            TextBytes.appendISO8601(instant, utcOffset: offset, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == CivilTime(instant, utcOffset: offset).iso8601)
        }
    }

    @Test func uuidsAsTheJournalStoresThem() {
        let uuid = UUID()
        var bytes: [UInt8] = []
        TextBytes.appendUUID(uuid, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == uuid.uuidString.lowercased())
    }
}
