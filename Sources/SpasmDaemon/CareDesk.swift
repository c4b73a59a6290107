import Foundation
import SpasmCore
import SpasmIPC

/// What `io.spasm.Care` asks of spasmd: the calls the scheduler answers.
public protocol CareDesk: AnyObject, Sendable {
    func reminders() throws -> CareInterface.RemindersReply
    func answer(_ number: Int, with answer: ReminderAnswer) throws -> CareInterface.AnswerReply
    /// Holds back everything but red flags until `until`; returns it.
    func pause(until: Date) throws -> Date
    /// Ends a pause; true when one was in force.
    func resume() throws -> Bool
    func status() -> CareInterface.StatusReply
}
