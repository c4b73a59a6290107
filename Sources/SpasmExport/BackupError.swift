/// Why a backup file cannot be imported. Nothing is written when this is thrown.
public struct BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Value: String { case notJSON, notABackup, newerVersion, invalidEntry, duplicate, tooLarge }
        fileprivate let value: Value
        /// The file is not JSON text.
        public static let notJSON = Code(value: .notJSON)
        /// JSON, but not a spasm backup (no "format": "spasm-journal").
        public static let notABackup = Code(value: .notABackup)
        /// Written by a newer spasm whose format this one does not know.
        public static let newerVersion = Code(value: .newerVersion)
        /// An entry with a wrong type, a value out of range or text over a limit.
        public static let invalidEntry = Code(value: .invalidEntry)
        /// Two entries with the same uuid.
        public static let duplicate = Code(value: .duplicate)
        /// Larger than any journal spasm could have written.
        public static let tooLarge = Code(value: .tooLarge)
        public var description: String { value.rawValue }
    }

    public var code: Code
    /// Where in the file: "entries[12].episode.severity"; nil for the whole file.
    public var location: String?
    /// What is wrong and, where it helps, what to do.
    public var message: String

    public init(_ code: Code, at location: String? = nil, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
