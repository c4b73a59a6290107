import Foundation
import Testing
@testable import SpasmCore

/// The gate every entry passes, and the bounds of what the readers accept.
@Suite struct EntryTimeGateTests {
    static let now = Date(timeIntervalSince1970: 1_795_943_520)   // 2026-11-29

    static func episode(at: Date, ended: Date? = nil, offset: Int = 3600) -> Entry {
        Entry(at: at, utcOffset: offset, body: .episode(Episode(region: .neck, severity: Severity(rawValue: 4)!, endedAt: ended, endedUTCOffset: ended.map { _ in offset })))
    }

    @Test func anEntryUpToNowPasses() throws {
        try Self.episode(at: Self.now).validate(now: Self.now)
        try Self.episode(at: Entry.earliest, ended: Self.now).validate(now: Self.now)
    }

    @Test(arguments: [
        ("at", episode(at: now + 1)),
        ("at", episode(at: Date(timeIntervalSince1970: 253_402_300_740))),   // 9999-12-31T23:59:00Z
        ("at", episode(at: Entry.earliest - 1)),
        ("end", episode(at: now - 600, ended: now + 60)),
        ("at offset", episode(at: now, offset: 19 * 3600)),
    ])
    func refusesTimesOutsideThePastSince1900(parameter: String, entry: Entry) {
        #expect { try entry.validate(now: Self.now) } throws: { ($0 as? InputError)?.parameter == parameter }
        // The clock-free checks alone let the same entry through: only the gate holds it.
        if parameter != "end" { #expect(throws: Never.self) { try entry.validate() } }
    }
}

@Suite struct ReaderBoundsTests {
    @Test func jsonNestingIsCountedOutsideStrings() {
        #expect(JSONNesting.isWithin(Array("{\"a\":[[1]]}".utf8), limit: 3))
        #expect(!JSONNesting.isWithin(Array("{\"a\":[[[1]]]}".utf8), limit: 3))
        #expect(JSONNesting.isWithin(Array("{\"a\":\"[[[[\\\"[[[[\"}".utf8), limit: 1))
        #expect(!JSONNesting.isWithin(Array(String(repeating: "[", count: 100_000).utf8)))
    }

    @Test(arguments: ["x = " + String(repeating: "[", count: 70_000) + String(repeating: "]", count: 70_000),
                      "x = " + String(repeating: "{a = ", count: 70_000) + "1" + String(repeating: "}", count: 70_000),
                      Array(repeating: "k", count: 70_000).joined(separator: ".") + " = 1"])
    func deepTOMLIsRefusedNotRecursedInto(text: String) {
        #expect { try TOMLDocument(parsing: text) } throws: { ($0 as? TOMLError)?.message.contains("32") == true }
    }

    @Test func tomlAtTheDepthLimitStillParses() throws {
        let depth = TOMLDocument.maximumDepth
        let text = "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try TOMLDocument(parsing: text).entries.count == 1)
    }

    @Test func caffeineReadsAnAmountTypedAsTwoWords() throws {
        let intake = try CaffeineInput.parse(["30", "mg"], drinks: ["coffee": 96], limit: 1000, force: false)
        #expect(intake.milligrams == 30 && intake.servings == 1 && intake.drink == nil)
        #expect(try CaffeineInput.parse(["coffee", "120", "mg"], drinks: ["coffee": 96], limit: 1000, force: false).milligrams == 120)
    }
}
