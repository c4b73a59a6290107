import Foundation
import GRDB
import Testing
@testable import SpasmCore
@testable import SpasmStore

@Suite struct AcknowledgementTests {
    func redFlagEpisode() -> Entry {
        var entry = episode(8)
        if case .episode(var e) = entry.body { e.redFlags = [.saddleNumbness]; entry.body = .episode(e) }
        return entry
    }

    @Test func acknowledgedRedFlagsAreKeptAcrossConnections() throws {
        // Given a journal with two red-flag episodes
        let file = TemporaryJournal()
        let journal = try file.open()
        let first = try journal.add(redFlagEpisode(), now: now)
        let second = try journal.add(redFlagEpisode(), now: now)
        #expect(try journal.acknowledgedRedFlags().isEmpty)
        // When the first is acknowledged (twice, and with an id that does not exist)
        try journal.acknowledgeRedFlags(of: [first.id!, 999], now: now)
        try journal.acknowledgeRedFlags(of: [first.id!], now: now.addingTimeInterval(60))
        // Then a new connection sees exactly that one
        #expect(try file.open().acknowledgedRedFlags() == [first.id!])
        #expect(second.id != first.id)
    }

    @Test func aVersionOneJournalGainsTheTableAndKeepsItsEntries() throws {
        // Given a journal file written by a spasm that knew only the first migration
        let file = TemporaryJournal()
        try FileManager.default.createDirectory(atPath: file.directory + "/data/spasm", withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: file.path)
        try old.write { db in
            try db.execute(sql: Schema.migrations[0].sql)
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 1")
            _ = try EntryRows.insert(redFlagEpisode(), db: db, now: now)
        }
        try old.close()
        // When this spasm opens it
        let journal = try file.open()
        // Then the entry is there and acknowledgements work
        let entry = try #require(try journal.entries().first)
        try journal.acknowledgeRedFlags(of: [entry.id!], now: now)
        #expect(try journal.acknowledgedRedFlags() == [entry.id!])
        #expect(try DatabaseQueue(path: file.path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Schema.currentVersion)
    }
}

@Suite struct AnalysisReadTests {
    @Test func theAnalysisReadHoldsEverythingTheFiguresUse() throws {
        // Given a journal with every kind of entry, a deleted one, and one before the period
        let journal = try Journal.inMemory()
        let start = now.addingTimeInterval(-86_400 * 30)
        var flagged = episode(8, at: now.addingTimeInterval(-3600), triggers: ["lifting", "desk work"])
        if case .episode(var e) = flagged.body { e.redFlags = [.fever, .trauma]; flagged.body = .episode(e) }
        flagged.note = "a note the figures never read"
        let entries = [
            episode(3, at: start.addingTimeInterval(-1)),
            episode(5, at: start, triggers: []),
            Entry(at: now.addingTimeInterval(-7200), utcOffset: 7200, body: .caffeine(CaffeineIntake(milligrams: 96, drink: "coffee"))),
            Entry(at: now.addingTimeInterval(-5000), utcOffset: 3600,
                  body: .treatment(Treatment(unchecked: .nsaid, minutes: nil, relief: 4, name: "ibuprofen"))),
            flagged,
            episode(9, at: now.addingTimeInterval(-60)),
        ]
        try journal.add(contentsOf: entries, now: now)
        let deleted = try journal.entries().last!.id!
        _ = try journal.delete(id: deleted, now: now)
        // When it is read for analysis
        let analysed = try journal.entriesForAnalysis(from: start)
        // Then it matches the full read, less what the figures never use
        let full = try journal.entries(from: start)
        #expect(analysed.count == 4)
        #expect(analysed.map(\.id) == full.map(\.id))
        #expect(analysed.map(\.at) == full.map(\.at))
        #expect(analysed.map(\.utcOffset) == full.map(\.utcOffset))
        #expect(analysed.map(\.episode?.severity) == full.map(\.episode?.severity))
        #expect(analysed.map(\.episode?.region) == full.map(\.episode?.region))
        #expect(analysed.map(\.episode?.triggers) == full.map(\.episode?.triggers))
        #expect(analysed.map(\.episode?.redFlags) == full.map(\.episode?.redFlags))
        #expect(analysed.map(\.caffeine?.milligrams) == full.map(\.caffeine?.milligrams))
        #expect(analysed.map(\.treatment?.kind) == full.map(\.treatment?.kind))
        #expect(analysed.map(\.treatment?.relief) == full.map(\.treatment?.relief))
        #expect(analysed.allSatisfy { $0.note == nil && $0.uuid == Journal.analysisUUID })
        #expect(try journal.entriesForAnalysis(from: nil).count == 5)
    }
}
