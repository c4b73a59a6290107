import Foundation
import SpasmCore
import SpasmIPC
import SpasmStore

/// The care plan as commands use it: through spasmd when it runs (which also takes an answered
/// reminder off the desktop), or worked out from the file in this process.
protocol CareAccess {
    /// True when spasmd answered.
    var throughDaemon: Bool { get }
    func reminders() throws -> CareInterface.RemindersReply
    func answer(_ number: Int, with answer: ReminderAnswer) throws -> CareInterface.AnswerReply
    func pause(until: Date) throws
    func resume() throws -> Bool
    /// spasmd's status, or nil when it is not running.
    func status() throws -> CareInterface.StatusReply?
}

/// The same calls, answered from the journal file.
struct LocalCare: CareAccess {
    let book: CareBook
    let now: Date
    var throughDaemon: Bool { false }

    func reminders() throws -> CareInterface.RemindersReply {
        let snapshot = try book.plan(now: now)
        return CareInterface.RemindersReply(plan: snapshot.plan, pause: snapshot.pause, in: book.calendar.timeZone,
                                            number: snapshot.number(of:))
    }

    func answer(_ number: Int, with answer: ReminderAnswer) throws -> CareInterface.AnswerReply {
        let stored = try book.answer(number, with: answer, now: now)
        return CareInterface.AnswerReply(number: number, kind: stored.kind.rawValue, state: stored.record.state.name, treatmentID: stored.entryID)
    }

    func pause(until: Date) throws { try book.journal.setPause(PauseWindow(from: now, until: until)) }
    func resume() throws -> Bool { try book.journal.clearPause(now: now) }
    func status() throws -> CareInterface.StatusReply? { nil }
}

/// The calls through spasmd.
struct DaemonCare: CareAccess {
    let client: CareClient
    let socketPath: String
    var throughDaemon: Bool { true }

    private func call<T>(_ body: () throws -> T) throws -> T { try DaemonJournal.translated(socketPath: socketPath, body) }

    func reminders() throws -> CareInterface.RemindersReply { try call { try client.reminders() } }
    func answer(_ number: Int, with answer: ReminderAnswer) throws -> CareInterface.AnswerReply {
        try call { try client.answer(number, answer) }
    }
    func pause(until: Date) throws {
        let text = CivilTime(until, in: .current).iso8601
        _ = try call { try client.pause(until: text) }
    }
    func resume() throws -> Bool { try call { try client.resume() } }
    func status() throws -> CareInterface.StatusReply? { try call { try client.status() } }
}

extension Context {
    /// The care plan through spasmd when it answers, else from the file (saying so on stderr,
    /// unless `quiet`: `spasm status` reports it in its own words).
    func openCare(quiet: Bool = false) throws -> any CareAccess {
        let environment = ProcessInfo.processInfo.environment
        if !Locations.journalIsOverridden(options.db, environment: environment),
           let socket = ServiceSocket.path(environment: environment),
           let client = try? CareClient(socketPath: socket) {
            return DaemonCare(client: client, socketPath: socket)
        }
        if !quiet { standardError("spasm: spasmd is not running; using the journal directly (no notifications until it runs)") }
        return LocalCare(book: CareBook(journal: try openLocalJournal(), configuration: configuration, calendar: calendar), now: now)
    }
}
