import Foundation
import SpasmCore

/// The journal as seen through spasmd: the same operations as the store, over Varlink.
public final class JournalClient {
    public let socketPath: String
    private let connection: VarlinkConnection

    public init(socketPath: String, timeout: Duration = .seconds(30)) throws(VarlinkConnectionError) {
        self.socketPath = socketPath
        connection = try VarlinkConnection(path: socketPath, timeout: timeout)
    }

    private func call<P: Encodable & Sendable, R: Decodable>(_ method: JournalInterface.Method, _ parameters: P, _ reply: R.Type) throws -> R {
        try connection.call(method.qualified, parameters, returning: reply)
    }

    public func add(_ entry: Entry) throws -> Entry {
        try call(.add, JournalInterface.EntryParameters(entry: entry), JournalInterface.EntryParameters.self).entry
    }

    public func endEpisode(id: EntryID?, at: Date, utcOffset: Int, request: UUID) throws -> Entry {
        let parameters = JournalInterface.EndEpisodeParameters(id: id, at: CivilTime(at, utcOffset: utcOffset).iso8601,
                                                              request: request.uuidString.lowercased())
        return try call(.endEpisode, parameters, JournalInterface.EntryParameters.self).entry
    }

    public func update(_ entry: Entry, request: UUID) throws -> Entry {
        try call(.update, JournalInterface.UpdateParameters(entry: entry, request: request.uuidString.lowercased()),
                 JournalInterface.EntryParameters.self).entry
    }

    public func delete(id: EntryID, request: UUID) throws -> Entry {
        try call(.delete, JournalInterface.IDParameters(id: id, request: request.uuidString.lowercased()),
                 JournalInterface.EntryParameters.self).entry
    }

    public func undo(request: UUID) throws -> JournalInterface.UndoReply {
        try call(.undo, JournalInterface.RequestParameters(request: request.uuidString.lowercased()), JournalInterface.UndoReply.self)
    }

    public func entry(id: EntryID) throws -> Entry? {
        try call(.get, JournalInterface.IDParameters(id: id), JournalInterface.OptionalEntry.self).entry
    }

    public func entries(from: Date?, to: Date?, kinds: Set<Entry.Kind>?) throws -> [Entry] {
        let parameters = JournalInterface.EntriesParameters(
            from: from.map { CivilTime($0, utcOffset: 0).iso8601 }, to: to.map { CivilTime($0, utcOffset: 0).iso8601 },
            kinds: kinds.map { $0.map(\.rawValue).sorted() })
        return try call(.entries, parameters, JournalInterface.EntriesReply.self).entries
    }

    public func openEpisode() throws -> Entry? {
        try call(.openEpisode, JournalInterface.NoParameters(), JournalInterface.OptionalEntry.self).entry
    }

    public func status() throws -> JournalInterface.StatusReply {
        try call(.status, JournalInterface.NoParameters(), JournalInterface.StatusReply.self)
    }
}
