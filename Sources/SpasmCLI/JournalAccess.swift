import Foundation
import SpasmCore
import SpasmIPC
import SpasmStore

/// The journal as commands use it: through spasmd when it runs, or the file directly.
///
/// Both give the same entries and the same errors, so a command's output does not depend on
/// which one served it.
protocol JournalAccess {
    func add(_ entry: Entry, now: Date) throws -> Entry
    func endEpisode(id: EntryID?, at: Date, utcOffset: Int, request: UUID, now: Date) throws -> Entry
    func update(_ entry: Entry, request: UUID, now: Date) throws -> Entry
    func delete(id: EntryID, request: UUID, now: Date) throws -> Entry
    func undo(request: UUID, now: Date) throws -> UndoneChange?
    func entry(id: EntryID) throws -> Entry?
    func entries(from: Date?, to: Date?, kinds: Set<Entry.Kind>?) throws -> [Entry]
    func openEpisode() throws -> Entry?
}

/// The journal file, opened in this process.
struct LocalJournal: JournalAccess {
    let journal: Journal

    func add(_ entry: Entry, now: Date) throws -> Entry { try journal.add(entry, now: now) }
    func endEpisode(id: EntryID?, at: Date, utcOffset: Int, request: UUID, now: Date) throws -> Entry {
        try journal.endEpisode(id: id, at: at, utcOffset: utcOffset, request: request, now: now)
    }
    func update(_ entry: Entry, request: UUID, now: Date) throws -> Entry { try journal.update(entry, request: request, now: now) }
    func delete(id: EntryID, request: UUID, now: Date) throws -> Entry { try journal.delete(id: id, request: request, now: now) }
    func undo(request: UUID, now: Date) throws -> UndoneChange? { try journal.undo(request: request, now: now) }
    func entry(id: EntryID) throws -> Entry? { try journal.entry(id: id) }
    func entries(from: Date?, to: Date?, kinds: Set<Entry.Kind>?) throws -> [Entry] { try journal.entries(from: from, to: to, kinds: kinds) }
    func openEpisode() throws -> Entry? { try journal.openEpisode() }
}

/// The journal through spasmd. If the daemon dies mid-call, the call is sent again (to the
/// restarted daemon, or to the file directly): every write carries its own id, so a retry never
/// applies twice.
final class DaemonJournal: JournalAccess {
    private var client: JournalClient
    private let socketPath: String
    private let fallback: () throws -> LocalJournal

    init(client: JournalClient, socketPath: String, fallback: @escaping () throws -> LocalJournal) {
        self.client = client
        self.socketPath = socketPath
        self.fallback = fallback
    }

    private func perform<T>(_ remote: (JournalClient) throws -> T, local: (LocalJournal) throws -> T) throws -> T {
        do {
            return try translated { try remote(client) }
        } catch is VarlinkConnectionError {
            if let again = try? JournalClient(socketPath: socketPath) {
                client = again
                do { return try translated { try remote(again) } } catch is VarlinkConnectionError {}
            }
            standardError("spasm: spasmd stopped answering; writing to the journal directly")
            return try local(fallback())
        }
    }

    private func translated<T>(_ body: () throws -> T) throws -> T {
        try Self.translated(socketPath: socketPath, body)
    }

    /// Daemon errors become the same errors the file gives, so messages and exit codes match.
    static func translated<T>(socketPath: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as VarlinkError {
            let p = error.parameters
            switch error.error {
            case JournalInterface.ErrorName.invalidInput:
                throw InputError(p["parameter"]?.string ?? "input", p["message"]?.string ?? "was refused", hint: p["hint"]?.string)
            case JournalInterface.ErrorName.noSuchEntry:
                throw NoSuchEntry(id: EntryID(p["id"]?.int ?? 0))
            case CareInterface.ErrorName.noSuchReminder:
                throw NoSuchReminder(number: p["number"]?.int ?? 0)
            case JournalInterface.ErrorName.journalUnavailable:
                let code = (p["code"]?.string).flatMap(JournalError.Code.init(named:)) ?? .io
                throw JournalError(code, path: p["path"]?.string ?? "journal", detail: p["message"]?.string ?? error.description)
            case "org.varlink.service.InvalidParameter":
                throw InputError(p["parameter"]?.string ?? "parameters", "was not accepted by spasmd")
            default:
                throw JournalError(.io, path: socketPath, detail: "spasmd answered \(error)")
            }
        }
    }

    func add(_ entry: Entry, now: Date) throws -> Entry {
        try perform({ try $0.add(entry) }, local: { try $0.add(entry, now: now) })
    }
    func endEpisode(id: EntryID?, at: Date, utcOffset: Int, request: UUID, now: Date) throws -> Entry {
        try perform({ try $0.endEpisode(id: id, at: at, utcOffset: utcOffset, request: request) },
                    local: { try $0.endEpisode(id: id, at: at, utcOffset: utcOffset, request: request, now: now) })
    }
    func update(_ entry: Entry, request: UUID, now: Date) throws -> Entry {
        try perform({ try $0.update(entry, request: request) }, local: { try $0.update(entry, request: request, now: now) })
    }
    func delete(id: EntryID, request: UUID, now: Date) throws -> Entry {
        try perform({ try $0.delete(id: id, request: request) }, local: { try $0.delete(id: id, request: request, now: now) })
    }
    func undo(request: UUID, now: Date) throws -> UndoneChange? {
        try perform({ client in
            let reply = try client.undo(request: request)
            guard let name = reply.action, let action = UndoneChange.Action(rawValue: name), let entry = reply.entry else { return nil }
            return UndoneChange(action: action, entry: entry)
        }, local: { try $0.undo(request: request, now: now) })
    }
    func entry(id: EntryID) throws -> Entry? {
        try perform({ try $0.entry(id: id) }, local: { try $0.entry(id: id) })
    }
    func entries(from: Date?, to: Date?, kinds: Set<Entry.Kind>?) throws -> [Entry] {
        try perform({ try $0.entries(from: from, to: to, kinds: kinds) }, local: { try $0.entries(from: from, to: to, kinds: kinds) })
    }
    func openEpisode() throws -> Entry? {
        try perform({ try $0.openEpisode() }, local: { try $0.openEpisode() })
    }
}
