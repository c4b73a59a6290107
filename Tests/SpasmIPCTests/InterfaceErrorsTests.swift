import Foundation
import SpasmCore
import Testing
@testable import SpasmIPC

/// A domain error sent by spasmd comes back to a client as the same error, message and all.
@Suite struct InterfaceErrorsTests {
    /// Through the wire: the Varlink error as JSON, read back as a client reads it.
    func roundTrip(_ error: any Error) throws -> any Error {
        let varlink = try #require(InterfaceErrors.varlinkError(for: error))
        let frame = VarlinkCoding.errorFrame(varlink)
        let read = try JSONDecoder().decode(VarlinkError.self, from: Data(frame.dropLast()))
        return InterfaceErrors.domainError(from: read)
    }

    @Test(arguments: [InputError("severity", "must be a whole number from 0 to 10", hint: "e.g. 7"),
                      InputError("region", "is not a body region")])
    func invalidInput(_ error: InputError) throws {
        #expect(try roundTrip(error) as? InputError == error)
    }

    @Test func noSuchEntry() throws {
        let back = try #require(try roundTrip(NoSuchEntry(id: 42)) as? NoSuchEntry)
        #expect(back.id == 42)
        #expect(back.description == NoSuchEntry(id: 42).description)
    }

    @Test func noSuchReminder() throws {
        let back = try #require(try roundTrip(NoSuchReminder(number: 17)) as? NoSuchReminder)
        #expect(back.number == 17)
    }

    @Test(arguments: [JournalError.Code.readOnly, .diskFull, .locked, .notAJournal, .newerSchema, .corrupt, .cannotOpen, .io])
    func journalUnavailable(_ code: JournalError.Code) throws {
        let error = JournalError(code, path: "/home/a/.local/share/spasm/journal.sqlite", detail: "SQLite said so")
        let back = try #require(try roundTrip(error) as? JournalError)
        #expect(back.code == code)
        #expect(back.path == error.path)
        #expect(back.description == error.description)
    }

    @Test func errorsNoInterfaceDeclaresAreNotMapped() throws {
        struct Unexpected: Error {}
        #expect(InterfaceErrors.varlinkError(for: Unexpected()) == nil)
        let standard = VarlinkError.methodNotFound("io.spasm.Journal.Nope")
        #expect(InterfaceErrors.domainError(from: standard) as? VarlinkError == standard)
        #expect(InterfaceErrors.varlinkError(for: standard) == standard)
    }
}
