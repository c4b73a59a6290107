import Foundation
import Testing
import SpasmCore
@testable import SpasmExport

@Suite struct BackupTests {
    @Test func aBackupReadsBackToTheSameEntriesAndTheSameBytes() throws {
        let data = JournalBackup.encode(Fixtures.journal)
        let entries = try JournalBackup.decode(data)
        #expect(entries == Fixtures.journal.sorted(by: JournalBackup.inBackupOrder))   // oldest first
        #expect(JournalBackup.encode(entries) == data)
    }

    @Test func theTextIsVersionedAndOrderedWithoutStoreIDs() throws {
        var shuffled = Fixtures.journal.reversed().map { $0 }
        for index in shuffled.indices { shuffled[index].id = Int64(100 + index) }
        let data = JournalBackup.encode(shuffled)
        #expect(data == (JournalBackup.encode(Fixtures.journal)))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(object["format"] as? String == "spasm-journal")
        #expect(object["version"] as? Int == 2)
        let entries = object["entries"] as! [[String: Any]]
        #expect(entries.allSatisfy { $0["id"] == nil })
        #expect(entries.first?["uuid"] as? String == Fixtures.uuid(1).uuidString.lowercased())
    }

    /// A valid backup with one entry replaced by `change(entry)`.
    func backup(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: JournalBackup.encode(Fixtures.journal)) as! [String: Any]
        var entries = object["entries"] as! [[String: Any]]
        change(&entries[0])
        object["entries"] = entries
        return try JSONSerialization.data(withJSONObject: object)
    }

    func refusal(_ data: Data) -> BackupError? {
        do { _ = try JournalBackup.decode(data); return nil } catch { return error }
    }

    @Test func aNewerVersionIsRefusedForItsVersion() throws {
        let data = Data(#"{"format": "spasm-journal", "version": 3, "entries": [{"shape": "unknown to version 2"}]}"#.utf8)
        let error = try #require(refusal(data))
        #expect(error.code == .newerVersion)
        #expect(error.description.contains("format version 3, written by a newer spasm; this spasm reads up to version 2"))
    }

    @Test func anActivityRoundTripsAndAVersionOneBackupStillReads() throws {
        let activity = Entry(uuid: Fixtures.uuid(50), at: Fixtures.at(day: 3, hour: 17), utcOffset: 3600, note: "weeding",
                             body: .activity(Activity(unchecked: "gardening", minutes: 45)))
        let data = JournalBackup.encode(Fixtures.journal + [activity])
        let text = String(decoding: data, as: UTF8.self)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let written = try #require((object["entries"] as! [[String: Any]]).first { $0["kind"] as? String == "activity" })
        let fields = try #require(written["activity"] as? [String: Any])
        #expect(fields.count == 2 && fields["minutes"] as? Int == 45 && fields["name"] as? String == "gardening")
        #expect(written["at"] as? String == "2026-01-08T18:00:00+01:00" && written["note"] as? String == "weeding")
        #expect(try JournalBackup.decode(data) == (Fixtures.journal + [activity]).sorted(by: JournalBackup.inBackupOrder))
        // A name comes back in its stored form; a version 1 file (no activities) reads as before.
        let loose = Data(text.replacingOccurrences(of: #""name":"gardening""#, with: #""name":"  Gardening ""#).utf8)
        #expect(try JournalBackup.decode(loose).compactMap(\.activity) == [Activity(unchecked: "gardening", minutes: 45)])
        var old = try JSONSerialization.jsonObject(with: JournalBackup.encode(Fixtures.journal)) as! [String: Any]
        old["version"] = 1
        let v1 = try JSONSerialization.data(withJSONObject: old)
        #expect(try JournalBackup.decode(v1) == Fixtures.journal.sorted(by: JournalBackup.inBackupOrder))
    }

    @Test(arguments: [
        ("", BackupError.Code.notJSON),
        ("{\"entries\": [", .notJSON),
        ("[1, 2]", .notABackup),
        ("{\"format\": \"something-else\", \"version\": 1, \"entries\": []}", .notABackup),
        ("{\"version\": 1, \"entries\": []}", .notABackup),
        ("{\"format\": \"spasm-journal\", \"entries\": []}", .notABackup),
        ("{\"format\": \"spasm-journal\", \"version\": \"1\", \"entries\": []}", .invalidEntry),
        ("{\"format\": \"spasm-journal\", \"version\": 1, \"entries\": {}}", .invalidEntry),
    ])
    func filesThatAreNotBackupsAreRefused(text: String, code: BackupError.Code) {
        #expect(refusal(Data(text.utf8))?.code == code, "\(text)")
    }

    @Test func wrongTypesNameTheField() throws {
        let error = try #require(refusal(try backup { entry in
            var episode = entry["episode"] as! [String: Any]
            episode["severity"] = "seven"
            entry["episode"] = episode
        }))
        #expect(error.code == .invalidEntry)
        #expect(error.description == "entries[0].episode.severity: expected a whole number")
    }

    @Test func valuesOutOfRangeAreRefused() throws {
        let severity = try #require(refusal(try backup { entry in
            var episode = entry["episode"] as! [String: Any]
            episode["severity"] = 11
            entry["episode"] = episode
        }))
        #expect(severity.location == "entries[0].episode.severity")
        let time = try #require(refusal(try backup { $0["at"] = "yesterday" }))
        #expect(time.location == "entries[0].at")
        let kind = try #require(refusal(try backup { $0["kind"] = "sandwich" }))
        #expect(kind.location == "entries[0].kind")
        let uuid = try #require(refusal(try backup { $0.removeValue(forKey: "uuid") }))
        #expect(uuid.description == "entries[0].uuid: is missing")
    }

    @Test func textOverItsLimitIsRefused() throws {
        let note = try #require(refusal(try backup { $0["note"] = String(repeating: "x", count: TextField.noteLimitBytes + 1) }))
        #expect(note.location == "entries[0].note")
        #expect(note.message.contains("over the 1048576-byte (1 MiB) limit"))
        let tag = try #require(refusal(try backup { entry in
            var episode = entry["episode"] as! [String: Any]
            episode["triggers"] = [String(repeating: "t", count: 101)]
            entry["episode"] = episode
        }))
        #expect(tag.location == "entries[0].episode.triggers")
        let control = try #require(refusal(try backup { $0["note"] = "bell\u{7}" }))
        #expect(control.message.contains("control character U+0007"))
    }

    @Test func aUUIDTwiceInOneFileIsRefused() throws {
        var entries = Fixtures.journal
        entries[3].uuid = entries[1].uuid
        let error = try #require(refusal(JournalBackup.encode(entries)))
        #expect(error.code == .duplicate)
        #expect(error.description.contains("already appears at entries["))
    }

    @Test func triggersComeBackInTheirStoredForm() throws {
        let data = try backup { entry in
            var episode = entry["episode"] as! [String: Any]
            episode["triggers"] = ["  Desk   Work "]
            entry["episode"] = episode
        }
        #expect(try JournalBackup.decode(data)[0].episode?.triggers == ["desk work"])
    }
}
