import Foundation
import SpasmCore
import Testing
@testable import SpasmIPC

/// What a Varlink client reads in GetInterfaceDescription is what spasmd's Codable messages
/// accept and send: every method's parameters and reply, field by field, optional where the
/// description says `?`, and every error's parameters.
@Suite struct InterfaceDescriptionTests {
    // MARK: - Samples: one message per method, every optional field present

    static let entries = [
        #"{"id":1,"uuid":"8e2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a","kind":"episode","at":"2026-11-28T21:30:00+01:00","utc_offset":3600,"note":"after the drive","episode":{"region":"neck","side":"left","severity":5,"triggers":["driving"],"red_flags":["arm-weakness"],"ended_at":"2026-11-28T22:30:00+01:00"}}"#,
        #"{"id":2,"uuid":"9e2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a","kind":"caffeine","at":"2026-11-28T09:00:00+01:00","utc_offset":3600,"note":"x","caffeine":{"milligrams":80,"drink":"coffee","servings":1}}"#,
        #"{"id":3,"uuid":"ae2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a","kind":"treatment","at":"2026-11-28T10:00:00+01:00","utc_offset":3600,"note":"x","treatment":{"kind":"nsaid","minutes":15,"relief":3,"name":"ibuprofen"}}"#,
        #"{"id":4,"uuid":"be2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a","kind":"activity","at":"2026-11-28T11:00:00+01:00","utc_offset":3600,"note":"x","activity":{"name":"lifting","minutes":30}}"#,
        #"{"id":5,"uuid":"ce2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a","kind":"checkin","at":"2026-11-29T10:00:00+01:00","utc_offset":3600,"note":"x","checkin":{"pain":6,"enjoyment":5,"activity":7}}"#,
    ]
    static let reminder = #"{"number":17,"kind":"ice-on","due":"2026-11-28T10:00:00+01:00","state":"shown","urgency":"normal","title":"Ice now","body":"b","reason":"r","answers":["done","snooze","skip"]}"#
    static let request = #""request":"0b1e2c4d-1111-4222-8333-944455556666""#

    typealias J = JournalInterface
    typealias C = CareInterface

    /// Per method: the parameters' and the reply's Codable type, with sample messages.
    static let journalMethods: [String: (MessageCheck, MessageCheck)] = [
        "Add": (.init(J.EntryParameters.self, entries.map { #"{"entry":\#($0)}"# }),
                .init(J.EntryParameters.self, entries.map { #"{"entry":\#($0)}"# })),
        "EndEpisode": (.init(J.EndEpisodeParameters.self, [#"{"id":1,"at":"2026-11-28T22:30:00+01:00",\#(request)}"#]),
                       .init(J.EntryParameters.self, [#"{"entry":\#(entries[0])}"#])),
        "Update": (.init(J.UpdateParameters.self, entries.map { #"{"entry":\#($0),\#(request)}"# }),
                   .init(J.EntryParameters.self, [#"{"entry":\#(entries[0])}"#])),
        "Delete": (.init(J.DeleteParameters.self, [#"{"id":1,\#(request)}"#]), .init(J.EntryParameters.self, [#"{"entry":\#(entries[0])}"#])),
        "Undo": (.init(J.RequestParameters.self, [#"{\#(request)}"#]),
                 .init(J.UndoReply.self, [#"{"action":"add","entry":\#(entries[1])}"#])),
        "Get": (.init(J.IDParameters.self, [#"{"id":1}"#]), .init(J.OptionalEntry.self, [#"{"entry":\#(entries[2])}"#])),
        "Entries": (.init(J.EntriesParameters.self, [#"{"from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z","kinds":["episode"]}"#]),
                    .init(J.EntriesReply.self, [#"{"entries":[\#(entries.joined(separator: ","))]}"#])),
        "OpenEpisode": (.init(J.NoParameters.self, ["{}"]), .init(J.OptionalEntry.self, [#"{"entry":\#(entries[0])}"#])),
        "Status": (.init(J.NoParameters.self, ["{}"]),
                   .init(J.StatusReply.self, [#"{"version":"1","journal":"/j","pid":2,"entries":3,"status":"s"}"#])),
    ]

    static let careMethods: [String: (MessageCheck, MessageCheck)] = [
        "Reminders": (.init(J.NoParameters.self, ["{}"]),
                      .init(C.RemindersReply.self, [#"{"reminders":[\#(reminder)],"paused_until":"2026-11-28T11:00:00+01:00"}"#])),
        "Answer": (.init(C.AnswerParameters.self, [#"{"number":17,"answer":"done"}"#]),
                   .init(C.AnswerReply.self, [#"{"number":17,"kind":"ice-on","state":"done","treatment_id":4}"#])),
        "Pause": (.init(C.PauseParameters.self, [#"{"until":"2026-11-28T11:00:00+01:00"}"#]),
                  .init(C.PauseParameters.self, [#"{"until":"2026-11-28T11:00:00+01:00"}"#])),
        "Resume": (.init(J.NoParameters.self, ["{}"]), .init(C.ResumeReply.self, [#"{"was_paused":true}"#])),
        "Status": (.init(J.NoParameters.self, ["{}"]),
                   .init(C.StatusReply.self, [#"{"status":"s","next":\#(reminder),"pending":1,"paused_until":"2026-11-28T11:00:00+01:00","notification_server":true,"journal":"/j","held":"do-not-disturb"}"#])),
    ]

    @Test(arguments: [JournalInterface.name, CareInterface.name])
    func everyMethodIsServedByItsCodableTypes(_ name: String) throws {
        let interface = try #require(InterfaceDescription(name == JournalInterface.name ? JournalInterface.description : CareInterface.description))
        let methods = interface.name == JournalInterface.name ? Self.journalMethods : Self.careMethods
        #expect(Set(interface.methods.keys) == Set(methods.keys), "methods described vs implemented")
        for (name, method) in interface.methods {
            let (parameters, reply) = try #require(methods[name], "\(name) has no Codable types")
            parameters.check(against: method.parameters, named: "\(name) parameters", in: interface)
            reply.check(against: method.reply, named: "\(name) reply", in: interface)
        }
    }

    @Test func theMethodEnumsNameTheDescribedMethods() throws {
        let journal = try #require(InterfaceDescription(JournalInterface.description))
        let care = try #require(InterfaceDescription(CareInterface.description))
        #expect(Set(JournalInterface.Method.allCases.map(\.rawValue)) == Set(journal.methods.keys))
        #expect(Set(CareInterface.Method.allCases.map(\.rawValue)) == Set(care.methods.keys))
    }

    @Test func everyErrorCarriesTheDescribedParameters() throws {
        let journal = try #require(InterfaceDescription(JournalInterface.description))
        let care = try #require(InterfaceDescription(CareInterface.description))
        let errors: [(any Error, InterfaceDescription)] = [
            (InputError("severity", "must be 0-10", hint: "e.g. 5"), journal),
            (NoSuchEntry(id: 4), journal),
            (JournalError(.diskFull, path: "/j", detail: "SQLITE_FULL"), journal),
            (NoSuchReminder(number: 17), care),
        ]
        var named: Set<String> = []
        for (error, interface) in errors {
            let varlink = try #require(InterfaceErrors.varlinkError(for: error))
            let local = String(varlink.error.dropFirst(interface.name.count + 1))
            named.insert(varlink.error)
            let fields = try #require(interface.errors[local], "\(varlink.error) is not described")
            #expect(Set(varlink.parameters.keys) == Set(fields.map(\.name)), "\(varlink.error)")
        }
        let described = Set(journal.errors.keys.map { "\(journal.name).\($0)" } + care.errors.keys.map { "\(care.name).\($0)" })
        #expect(named == described)
    }
}

/// One Codable message type and sample JSON for it, checked against a described field list.
struct MessageCheck: Sendable {
    let typeName: String
    let samples: [String]
    let decode: @Sendable (Data) throws -> Void
    let reencode: @Sendable (Data) throws -> Data
    let storedProperties: @Sendable (Data) throws -> [String]

    init<T: Codable>(_ type: T.Type, _ samples: [String]) {
        typeName = String(describing: type)
        self.samples = samples
        decode = { _ = try JSONDecoder().decode(T.self, from: $0) }
        reencode = { try JSONEncoder().encode(try JSONDecoder().decode(T.self, from: $0)) }
        storedProperties = { data in Mirror(reflecting: try JSONDecoder().decode(T.self, from: data)).children.compactMap(\.label) }
    }

    /// `kind` decides which of these an entry carries, so each is required when named and absent otherwise.
    static let oneOf: Set<String> = ["Entry.episode", "Entry.caffeine", "Entry.treatment", "Entry.activity", "Entry.checkin"]

    func check(against fields: [InterfaceDescription.Field], named what: String, in interface: InterfaceDescription) {
        let objects = samples.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == samples.count, "\(what): a sample is not a JSON object")
        for sample in samples { #expect(throws: Never.self, "\(what): \(sample)") { try decode(Data(sample.utf8)) } }
        // The message type's own properties are the described fields (snake_case on the wire).
        if let sample = samples.first, let names = try? storedProperties(Data(sample.utf8)) {
            #expect(Set(names.map(Self.snakeCased)) == Set(fields.map(\.name)), "\(what): \(typeName)'s properties")
        }
        compare(objects.compactMap { try? reencoded($0) }, fields, path: [], typeName: "", what: what, interface: interface)
    }

    private func reencoded(_ object: [String: Any]) throws -> [String: Any] {
        let data = try reencode(try JSONSerialization.data(withJSONObject: object))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The keys `objects` (found at `path` in the samples) carry against `fields`, then each field
    /// taken out of a sample: decoding must fail for a required field and succeed for an optional one.
    private func compare(_ objects: [[String: Any]], _ fields: [InterfaceDescription.Field], path: [String], typeName: String,
                         what: String, interface: InterfaceDescription) {
        let at = path.isEmpty ? what : "\(what) \(path.joined(separator: "."))"
        // Of the fields `kind` chooses between, each sample carries its own one.
        let chosen = Set(fields.map(\.name).filter { Self.oneOf.contains("\(typeName).\($0)") })
        let sent = Set(objects.flatMap(\.keys))
        #expect(sent.union(chosen) == Set(fields.map(\.name)), "\(at): sent \(sent.sorted()) described \(fields.map(\.name))")
        for object in objects { #expect(Set(object.keys).intersection(chosen).count <= 1, "\(at): more than one of \(chosen.sorted())") }
        for field in fields {
            let key = "\(typeName).\(field.name)"
            for sample in samples {
                guard var object = try? JSONSerialization.jsonObject(with: Data(sample.utf8)) as? [String: Any],
                      Self.remove(field.name, at: path, in: &object) else { continue }
                let data = try! JSONSerialization.data(withJSONObject: object)
                let accepted = (try? decode(data)) != nil
                if Self.oneOf.contains(key) {
                    #expect(!accepted, "\(at): an entry of this kind without \(field.name) was accepted")
                } else {
                    #expect(accepted == field.optional, "\(at): without \(field.name) \(accepted ? "accepted" : "refused")")
                }
            }
            // A named type inside: the same, one level down.
            if let nested = interface.types[field.baseType] {
                let inner = objects.flatMap { Self.objects(at: field.name, in: $0) }
                if !inner.isEmpty {
                    compare(inner, nested, path: path + [field.name], typeName: field.baseType, what: what, interface: interface)
                }
            }
        }
    }

    private static func objects(at key: String, in object: [String: Any]) -> [[String: Any]] {
        if let one = object[key] as? [String: Any] { return [one] }
        return object[key] as? [[String: Any]] ?? []
    }

    /// Takes `key` out of the object at `path` (the first element where the path meets an array).
    private static func remove(_ key: String, at path: [String], in object: inout [String: Any]) -> Bool {
        guard let head = path.first else { return object.removeValue(forKey: key) != nil }
        if var inner = object[head] as? [String: Any] {
            defer { object[head] = inner }
            return remove(key, at: Array(path.dropFirst()), in: &inner)
        }
        if var list = object[head] as? [[String: Any]], !list.isEmpty {
            defer { object[head] = list }
            return remove(key, at: Array(path.dropFirst()), in: &list[0])
        }
        return false
    }

    static func snakeCased(_ name: String) -> String {
        var result = ""
        var previousUpper = false
        for character in name {
            if character.isUppercase, !result.isEmpty, !previousUpper { result += "_" }
            previousUpper = character.isUppercase
            result += character.lowercased()
        }
        return result
    }
}

/// A Varlink interface description, read as far as spasm's interfaces use the grammar: named
/// struct types, methods and errors with flat field lists.
struct InterfaceDescription {
    struct Field: Equatable {
        var name: String
        var type: String
        var optional: Bool { type.hasPrefix("?") }
        /// The type without `?` and `[]`: a named type's name, or a builtin.
        var baseType: String { type.replacingOccurrences(of: "?", with: "").replacingOccurrences(of: "[]", with: "") }
    }

    var name = ""
    var types: [String: [Field]] = [:]
    var methods: [String: (parameters: [Field], reply: [Field])] = [:]
    var errors: [String: [Field]] = [:]

    init?(_ text: String) {
        let code = text.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "" }
            .joined(separator: " ")
        guard let interface = code.firstMatch(of: /interface\s+([\w.]+)/) else { return nil }
        name = String(interface.1)
        for match in code.matches(of: /type\s+(\w+)\s*\(([^)]*)\)/) { types[String(match.1)] = Self.fields(match.2) }
        for match in code.matches(of: /method\s+(\w+)\s*\(([^)]*)\)\s*->\s*\(([^)]*)\)/) {
            methods[String(match.1)] = (Self.fields(match.2), Self.fields(match.3))
        }
        for match in code.matches(of: /error\s+(\w+)\s*\(([^)]*)\)/) { errors[String(match.1)] = Self.fields(match.2) }
    }

    static func fields(_ list: Substring) -> [Field] {
        list.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return pieces.count == 2 ? Field(name: pieces[0], type: pieces[1]) : nil
        }
    }
}
