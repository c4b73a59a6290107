import SpasmCore

/// The errors `io.spasm.Journal` and `io.spasm.Care` answer with, and both directions of their
/// mapping: spasmd turns a domain error into its Varlink error, a client turns the Varlink error
/// back into the same domain error, so a message reads the same whichever side printed it.
public enum InterfaceErrors {
    /// The Varlink error a domain error is sent as; nil for an error no interface declares (the
    /// server reports those as `JournalUnavailable` with code io, after logging them).
    public static func varlinkError(for error: any Error) -> VarlinkError? {
        switch error {
        case let error as VarlinkError:
            return error
        case let error as InputError:
            var parameters: [String: JSONValue] = ["parameter": .string(error.parameter), "message": .string(error.message)]
            if let hint = error.hint { parameters["hint"] = .string(hint) }
            return VarlinkError(JournalInterface.ErrorName.invalidInput, parameters)
        case let error as NoSuchEntry:
            return VarlinkError(JournalInterface.ErrorName.noSuchEntry, ["id": .number(Double(error.id))])
        case let error as NoSuchReminder:
            return VarlinkError(CareInterface.ErrorName.noSuchReminder, ["number": .number(Double(error.number))])
        case let error as JournalError:
            return VarlinkError(JournalInterface.ErrorName.journalUnavailable,
                                ["code": .string(error.code.description), "path": .string(error.path), "message": .string(error.detail)])
        default:
            return nil
        }
    }

    /// The domain error a declared Varlink error stands for; the Varlink error itself for any other
    /// (org.varlink.service.* errors have no domain meaning).
    public static func domainError(from error: VarlinkError) -> any Error {
        let p = error.parameters
        switch error.error {
        case JournalInterface.ErrorName.invalidInput:
            return InputError(p["parameter"]?.string ?? "input", p["message"]?.string ?? "was refused", hint: p["hint"]?.string)
        case JournalInterface.ErrorName.noSuchEntry:
            return NoSuchEntry(id: EntryID(p["id"]?.int ?? 0))
        case CareInterface.ErrorName.noSuchReminder:
            return NoSuchReminder(number: p["number"]?.int ?? 0)
        case JournalInterface.ErrorName.journalUnavailable:
            let code = (p["code"]?.string).flatMap(JournalError.Code.init(named:)) ?? .io
            return JournalError(code, path: p["path"]?.string ?? "journal", detail: p["message"]?.string ?? error.description)
        default:
            return error
        }
    }
}
