/// Why the journal could not be read or written. Every case names the file: the user must be
/// able to find it, and spasm never overwrites a file it does not recognise.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Value: String { case readOnly, diskFull, locked, notAJournal, newerSchema, corrupt, cannotOpen, io }
        fileprivate let value: Value
        public static let readOnly = Code(value: .readOnly)
        public static let diskFull = Code(value: .diskFull)
        public static let locked = Code(value: .locked)
        public static let notAJournal = Code(value: .notAJournal)
        public static let newerSchema = Code(value: .newerSchema)
        public static let corrupt = Code(value: .corrupt)
        public static let cannotOpen = Code(value: .cannotOpen)
        public static let io = Code(value: .io)
        public var description: String { value.rawValue }

        /// The code with this name (as `description` spells it), e.g. from a daemon's error reply.
        public init?(named name: String) {
            guard let value = Value(rawValue: name) else { return nil }
            self.value = value
        }
        fileprivate init(value: Value) { self.value = value }
    }

    public var code: Code
    public var path: String
    /// What SQLite or the system said, for the curious.
    public var detail: String

    public init(_ code: Code, path: String, detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    public var description: String {
        let what: String
        switch code {
        case .readOnly: what = "the journal is read-only; nothing was written"
        case .diskFull: what = "the disk is full; nothing was written (free some space and try again)"
        case .locked: what = "the journal is locked by another program; nothing was written (try again)"
        case .notAJournal: what = "this file is not a spasm journal; it was left untouched (choose another path with --db)"
        case .newerSchema: what = "this journal was written by a newer spasm; update spasm to use it (the file was left untouched)"
        case .corrupt: what = "the journal file is damaged; it was left untouched"
        case .cannotOpen: what = "cannot open the journal"
        default: what = "cannot read or write the journal"
        }
        return "\(path): \(what) (\(detail))"
    }
}

/// An id the user named that the journal does not hold.
public struct NoSuchEntry: Error, Sendable, CustomStringConvertible {
    public var id: EntryID
    public init(id: EntryID) { self.id = id }
    public var description: String { "id: there is no entry #\(id); see 'spasm history' for ids" }
}

/// A reminder number that names nothing.
public struct NoSuchReminder: Error, Sendable, CustomStringConvertible {
    public var number: Int
    public init(number: Int) { self.number = number }
    public var description: String { "there is no reminder \(number); see 'spasm reminders' for numbers" }
}
