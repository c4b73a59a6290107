import Foundation
import Logging
import Testing
@testable import SpasmCore
@testable import SpasmDaemon
@testable import SpasmIPC
import SpasmStore

/// The daemon's request handling, fed messages directly: no socket, a real journal file.
@Suite struct JournalServiceTests {
    let directory = NSTemporaryDirectory() + "spasmd-service-" + UUID().uuidString
    let service: JournalService
    static let now = Date(timeIntervalSince1970: 1_795_941_120)

    init() throws {
        let journal = try Journal.open(at: directory + "/journal.sqlite")
        service = JournalService(journal: journal, version: "test", logger: Logger(label: "test"), now: { Self.now })
    }

    /// Sends one call and returns the reply as a JSON object.
    func call(_ json: String) throws -> [String: Any] {
        let reply = try #require(service.reply(to: Array(json.utf8)))
        #expect(reply.last == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(reply.dropLast())) as? [String: Any])
    }

    func parameters(_ reply: [String: Any]) -> [String: Any] { reply["parameters"] as? [String: Any] ?? [:] }

    static let episode = """
    {"uuid":"6f1c2b9e-6a57-4d0e-9a4c-1f2e3d4c5b6a","kind":"episode","at":"2026-11-29T09:12:00+01:00","utc_offset":3600,
     "episode":{"region":"neck","severity":6,"triggers":["desk work"],"red_flags":[]}}
    """

    @Test func getInfoListsBothInterfaces() throws {
        let info = parameters(try call(#"{"method":"org.varlink.service.GetInfo"}"#))
        #expect(info["product"] as? String == "spasmd")
        #expect(info["interfaces"] as? [String] == ["org.varlink.service", "io.spasm.Journal"])
    }

    @Test func describesTheJournalInterface() throws {
        let reply = try call(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"io.spasm.Journal"}}"#)
        #expect((parameters(reply)["description"] as? String)?.contains("method Add(entry: Entry) -> (entry: Entry)") == true)
        let missing = try call(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"com.example.Nope"}}"#)
        #expect(missing["error"] as? String == "org.varlink.service.InterfaceNotFound")
    }

    @Test func unknownInterfacesAndMethodsGetStandardErrors() throws {
        #expect(try call(#"{"method":"com.example.Thing.Do"}"#)["error"] as? String == "org.varlink.service.InterfaceNotFound")
        let reply = try call(#"{"method":"io.spasm.Journal.Explode"}"#)
        #expect(reply["error"] as? String == "org.varlink.service.MethodNotFound")
        #expect(parameters(reply)["method"] as? String == "io.spasm.Journal.Explode")
    }

    @Test func malformedMessagesGetAnErrorReplyNotACrash() throws {
        for junk in ["", "{", "[]", "null", #"{"method":7}"#, "\u{FF}\u{FE}", #"{"parameters":{}}"#] {
            #expect(try call(junk)["error"] as? String == "org.varlink.service.InvalidParameter", "\(junk)")
        }
    }

    @Test func addThenGetReturnsTheEntry() throws {
        let added = parameters(try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(Self.episode)}}"#))
        let entry = try #require(added["entry"] as? [String: Any])
        #expect(entry["id"] as? Int == 1)
        let got = parameters(try call(#"{"method":"io.spasm.Journal.Get","parameters":{"id":1}}"#))
        let fetched = try #require(got["entry"] as? [String: Any])
        #expect((fetched["episode"] as? [String: Any])?["triggers"] as? [String] == ["desk work"])
        #expect(fetched["at"] as? String == "2026-11-29T09:12:00+01:00")
    }

    @Test func anActivityIsAddedAndListedByKindAndABadOneRefused() throws {
        let activity = #"{"uuid":"7f1c2b9e-6a57-4d0e-9a4c-1f2e3d4c5b6a","kind":"activity","at":"2026-11-29T08:00:00+01:00","utc_offset":3600,"activity":{"name":"lifting","minutes":30}}"#
        _ = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(Self.episode)}}"#)
        let added = parameters(try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(activity)}}"#))
        #expect((added["entry"] as? [String: Any])?["kind"] as? String == "activity")
        let listed = parameters(try call(#"{"method":"io.spasm.Journal.Entries","parameters":{"kinds":["activity"]}}"#))
        let entries = try #require(listed["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        let fields = try #require(entries[0]["activity"] as? [String: Any])
        #expect(fields["name"] as? String == "lifting" && fields["minutes"] as? Int == 30)
        // A name not in its stored form, or a duration over a day, is refused as input.
        for body in [#""activity":{"name":"Lifting"}"#, #""activity":{"name":"lifting","minutes":2000}"#] {
            let bad = #"{"uuid":"8f1c2b9e-6a57-4d0e-9a4c-1f2e3d4c5b6a","kind":"activity","at":"2026-11-29T08:00:00+01:00",\#(body)}"#
            let reply = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(bad)}}"#)
            #expect(reply["error"] as? String == "io.spasm.Journal.InvalidInput", "\(body)")
        }
    }

    @Test func addingTheSameUUIDTwiceKeepsOneEntry() throws {
        _ = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(Self.episode)}}"#)
        _ = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(Self.episode)}}"#)
        #expect(try service.journal.count() == 1)
    }

    @Test func anInvalidSeverityNamesTheParameter() throws {
        let bad = Self.episode.replacingOccurrences(of: "\"severity\":6", with: "\"severity\":11")
        let reply = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(bad)}}"#)
        #expect(reply["error"] as? String == "org.varlink.service.InvalidParameter")
        #expect(parameters(reply)["parameter"] as? String == "entry.episode.severity")
        #expect(try service.journal.count() == 0)
    }

    @Test func domainErrorsCarryWhatToFix() throws {
        let nul = Self.episode.replacingOccurrences(of: "\"utc_offset\":3600,", with: "\"utc_offset\":3600,\"note\":\"a\\u0000b\",")
        let reply = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(nul)}}"#)
        #expect(reply["error"] as? String == "io.spasm.Journal.InvalidInput")
        #expect(parameters(reply)["parameter"] as? String == "note")
        let missing = try call(#"{"method":"io.spasm.Journal.Delete","parameters":{"id":42,"request":"0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b"}}"#)
        #expect(missing["error"] as? String == "io.spasm.Journal.NoSuchEntry")
        #expect(parameters(missing)["id"] as? Int == 42)
    }

    @Test func aRetriedUndoIsAppliedOnce() throws {
        _ = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(Self.episode)}}"#)
        var second = Self.episode.replacingOccurrences(of: "6f1c2b9e", with: "7f1c2b9e")
        second = second.replacingOccurrences(of: "09:12", with: "09:22")
        _ = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(second)}}"#)
        let undo = #"{"method":"io.spasm.Journal.Undo","parameters":{"request":"1a1a1a1a-1a1a-4a1a-8a1a-1a1a1a1a1a1a"}}"#
        let first = parameters(try call(undo))
        let retried = parameters(try call(undo))
        #expect(first["action"] as? String == "add")
        #expect(retried["action"] as? String == "add")
        #expect((retried["entry"] as? [String: Any])?["id"] as? Int == 2)
        #expect(try service.journal.count() == 1)   // only the second entry was undone
    }

    @Test func onewayCallsGetNoReply() {
        #expect(service.reply(to: Array(#"{"method":"org.varlink.service.GetInfo","oneway":true}"#.utf8)) == nil)
    }

    @Test func entriesFiltersByTimeAndKind() throws {
        _ = try call(#"{"method":"io.spasm.Journal.Add","parameters":{"entry":\#(Self.episode)}}"#)
        let all = parameters(try call(#"{"method":"io.spasm.Journal.Entries","parameters":{}}"#))
        #expect((all["entries"] as? [Any])?.count == 1)
        let none = parameters(try call(#"{"method":"io.spasm.Journal.Entries","parameters":{"kinds":["caffeine"]}}"#))
        #expect((none["entries"] as? [Any])?.count == 0)
        let later = parameters(try call(#"{"method":"io.spasm.Journal.Entries","parameters":{"from":"2026-11-29T09:00:00Z"}}"#))
        #expect((later["entries"] as? [Any])?.count == 0)
        let bad = try call(#"{"method":"io.spasm.Journal.Entries","parameters":{"kinds":["cake"]}}"#)
        #expect(parameters(bad)["parameter"] as? String == "kinds")
    }
}
