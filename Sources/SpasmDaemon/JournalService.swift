import Foundation
import Logging
import SpasmCore
import SpasmIPC
import SpasmStore
import SpasmSystemd

/// Answers Varlink calls against the journal: decodes a message, runs it, encodes the reply.
///
/// Knows nothing of sockets, so it is tested (and fuzzed) by feeding it messages.
public struct JournalService: Sendable {
    public let journal: Journal
    public let version: String
    /// The time source; tests pass a fixed clock.
    public let now: @Sendable () -> Date
    /// A one-line summary for `Status` and systemd's STATUS=.
    public var statusLine: @Sendable () -> String = { "journal open" }
    /// The care plan's calls (`io.spasm.Care`); nil serves the journal alone.
    public var care: Care?

    /// What `io.spasm.Care` is answered from: the plan over the same journal file the CLI uses, and
    /// the scheduler's own state for Status. Answers and pauses are written to the journal; the
    /// scheduler sees the change like any other.
    public struct Care: Sendable {
        public var book: CareBook
        public var status: @Sendable () -> CareInterface.StatusReply
        public init(book: CareBook, status: @escaping @Sendable () -> CareInterface.StatusReply) {
            self.book = book
            self.status = status
        }
    }
    let logger: Logger

    public init(journal: Journal, version: String, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.journal = journal
        self.version = version
        self.logger = logger
        self.now = now
    }

    /// What the service says about itself (org.varlink.service.GetInfo).
    public var info: ServiceInterface.Info {
        ServiceInterface.Info(vendor: "spasm", product: "spasmd", version: version, url: "https://varlink.org",
                              interfaces: [ServiceInterface.name, JournalInterface.name] + (care == nil ? [] : [CareInterface.name]))
    }

    /// The reply frame for one message, or nil when the call was oneway.
    public func reply(to message: [UInt8]) -> [UInt8]? {
        let header: VarlinkCallHeader
        do { header = try VarlinkCoding.header(of: message) } catch {
            return VarlinkCoding.errorFrame(.invalidParameter("method"))
        }
        do {
            let frame = try dispatch(header.method, message)
            return header.oneway == true ? nil : frame
        } catch {
            let reply = varlinkError(error, method: header.method)
            return header.oneway == true ? nil : VarlinkCoding.errorFrame(reply)
        }
    }

    private func dispatch(_ method: String, _ message: [UInt8]) throws -> [UInt8] {
        let (interface, name) = split(method)
        switch interface {
        case ServiceInterface.name:
            switch name {
            case "GetInfo": return try VarlinkCoding.frame(VarlinkReply(info))
            case "GetInterfaceDescription":
                let request = try VarlinkCoding.parameters(ServiceInterface.DescriptionRequest.self, of: message)
                let text: String
                switch request.interface {
                case ServiceInterface.name: text = ServiceInterface.description
                case JournalInterface.name: text = JournalInterface.description
                case CareInterface.name where care != nil: text = CareInterface.description
                default: throw VarlinkError.interfaceNotFound(request.interface)
                }
                return try VarlinkCoding.frame(VarlinkReply(ServiceInterface.DescriptionReply(description: text)))
            default: throw VarlinkError.methodNotFound(method)
            }
        case JournalInterface.name:
            guard let journalMethod = JournalInterface.Method(rawValue: name) else { throw VarlinkError.methodNotFound(method) }
            return try journalCall(journalMethod, message)
        case CareInterface.name:
            guard let care, let careMethod = CareInterface.Method(rawValue: name) else {
                throw care == nil ? VarlinkError.interfaceNotFound(interface) : VarlinkError.methodNotFound(method)
            }
            return try careCall(careMethod, message, care)
        default:
            throw VarlinkError.interfaceNotFound(interface)
        }
    }

    private func journalCall(_ method: JournalInterface.Method, _ message: [UInt8]) throws -> [UInt8] {
        typealias J = JournalInterface
        switch method {
        case .add:
            let p = try VarlinkCoding.parameters(J.EntryParameters.self, of: message)
            let saved = try journal.add(p.entry, now: now())
            logger.info("entry added", metadata: ["entry_id": "\(saved.id ?? 0)", "kind": "\(saved.kind.rawValue)"])
            return try VarlinkCoding.frame(VarlinkReply(J.EntryParameters(entry: saved)))
        case .endEpisode:
            let p = try VarlinkCoding.parameters(J.EndEpisodeParameters.self, of: message)
            guard let (at, offset) = CivilTime.parseISO8601(p.at) else { throw VarlinkError.invalidParameter("at") }
            let entry = try journal.endEpisode(id: p.id, at: at, utcOffset: offset, request: try uuid(p.request), now: now())
            return try VarlinkCoding.frame(VarlinkReply(J.EntryParameters(entry: entry)))
        case .update:
            let p = try VarlinkCoding.parameters(J.UpdateParameters.self, of: message)
            let entry = try journal.update(p.entry, request: try uuid(p.request), now: now())
            return try VarlinkCoding.frame(VarlinkReply(J.EntryParameters(entry: entry)))
        case .delete:
            let p = try VarlinkCoding.parameters(J.DeleteParameters.self, of: message)
            let entry = try journal.delete(id: p.id, request: try p.request.map(uuid), now: now())
            return try VarlinkCoding.frame(VarlinkReply(J.EntryParameters(entry: entry)))
        case .undo:
            let p = try VarlinkCoding.parameters(J.RequestParameters.self, of: message)
            let change = try journal.undo(request: try uuid(p.request), now: now())
            return try VarlinkCoding.frame(VarlinkReply(J.UndoReply(action: change?.action.rawValue, entry: change?.entry)))
        case .get:
            let p = try VarlinkCoding.parameters(J.IDParameters.self, of: message)
            return try VarlinkCoding.frame(VarlinkReply(J.OptionalEntry(entry: try journal.entry(id: p.id))))
        case .entries:
            let p = try VarlinkCoding.parameters(J.EntriesParameters.self, of: message)
            let from = try p.from.map { try instant($0, parameter: "from") }
            let to = try p.to.map { try instant($0, parameter: "to") }
            let kinds = try p.kinds.map { names in
                try Set(names.map { name in
                    guard let kind = Entry.Kind(rawValue: name) else { throw VarlinkError.invalidParameter("kinds") }
                    return kind
                })
            }
            return try VarlinkCoding.frame(VarlinkReply(J.EntriesReply(entries: try journal.entries(from: from, to: to, kinds: kinds))))
        case .openEpisode:
            return try VarlinkCoding.frame(VarlinkReply(J.OptionalEntry(entry: try journal.openEpisode())))
        case .status:
            let reply = J.StatusReply(version: version, journal: journal.path, pid: Int(getpid()),
                                      entries: try journal.count(), status: statusLine())
            return try VarlinkCoding.frame(VarlinkReply(reply))
        }
    }

    private func careCall(_ method: CareInterface.Method, _ message: [UInt8], _ care: Care) throws -> [UInt8] {
        typealias C = CareInterface
        let book = care.book
        switch method {
        case .reminders:
            let snapshot = try book.plan(now: now())
            let reply = C.RemindersReply(plan: snapshot.plan, pause: snapshot.pause, in: book.calendar.timeZone, number: snapshot.number(of:))
            return try VarlinkCoding.frame(VarlinkReply(reply))
        case .answer:
            let p = try VarlinkCoding.parameters(C.AnswerParameters.self, of: message)
            guard let answer = ReminderAnswer(rawValue: p.answer) else { throw VarlinkError.invalidParameter("answer") }
            let stored = try book.answer(p.number, with: answer, now: now())
            let reply = C.AnswerReply(number: p.number, kind: stored.kind.rawValue, state: stored.record.state.name, treatmentID: stored.entryID)
            return try VarlinkCoding.frame(VarlinkReply(reply))
        case .pause:
            let p = try VarlinkCoding.parameters(C.PauseParameters.self, of: message)
            guard let (until, offset) = CivilTime.parseISO8601(p.until) else { throw VarlinkError.invalidParameter("until") }
            try book.pause(until: until, now: now())
            return try VarlinkCoding.frame(VarlinkReply(C.PauseParameters(until: CivilTime(until, utcOffset: offset).iso8601)))
        case .resume:
            return try VarlinkCoding.frame(VarlinkReply(C.ResumeReply(wasPaused: try book.resume(now: now()))))
        case .status:
            return try VarlinkCoding.frame(VarlinkReply(care.status()))
        }
    }

    private func split(_ method: String) -> (interface: String, name: String) {
        guard let dot = method.lastIndex(of: ".") else { return (method, "") }
        return (String(method[..<dot]), String(method[method.index(after: dot)...]))
    }

    private func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw VarlinkError.invalidParameter("request") }
        return id
    }

    private func instant(_ text: String, parameter: String) throws -> Date {
        guard let (date, _) = CivilTime.parseISO8601(text) else { throw VarlinkError.invalidParameter(parameter) }
        return date
    }

    /// Domain errors become the interfaces' Varlink errors (InterfaceErrors); anything else is logged
    /// and reported as the journal being unavailable.
    private func varlinkError(_ error: any Error, method: String) -> VarlinkError {
        if let error = error as? JournalError {
            var metadata = MessageID.journalUnavailable.metadata
            metadata["code"] = "\(error.code)"
            metadata["detail"] = "\(error.detail)"
            logger.error("journal unavailable", metadata: metadata)
        }
        if let declared = InterfaceErrors.varlinkError(for: error) { return declared }
        var metadata = MessageID.requestFailed.metadata
        metadata["method"] = "\(method)"
        metadata["error"] = "\(error)"
        logger.error("request failed", metadata: metadata)
        return VarlinkError(JournalInterface.ErrorName.journalUnavailable,
                            ["code": .string("io"), "path": .string(journal.path), "message": .string(String(describing: error))])
    }
}
