import Foundation
import GRDB
import SpasmCore

/// The journal: every entry the user made, in one SQLite file.
///
/// One struct over a GRDB writer, as in GRDB's AppDatabase: each public write is one transaction,
/// committed with synchronous=FULL so a command that printed success has its entry on disk even
/// across a power cut.
public struct Journal: Sendable {
    /// The file, as named to the user in errors.
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the journal at `path`, in a 0700 directory.
    ///
    /// - Parameter busyTimeout: how long to wait for another writer before failing with `.locked`.
    public static func open(at path: String, busyTimeout: Duration = .seconds(5)) throws -> Journal {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try makePrivateDirectory(directory, for: path) }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(TimeInterval(busyTimeout.components.seconds) + Double(busyTimeout.components.attoseconds) / 1e18)
        configuration.prepareDatabase { db in
            // FULL: in WAL mode each commit fsyncs the log, so an acknowledged entry survives a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw JournalError(error, path: path)
        }
        let journal = Journal(path: path, writer: queue)
        try journal.prepareSchema()
        return journal
    }

    /// Opens an existing, current journal for reading only: commands that only read work on a
    /// read-only mount or a full disk, and cannot change the file by accident.
    ///
    /// - Returns: nil when there is no file at `path`, or its schema is older than this spasm's
    ///   (a writable `open` migrates it first).
    public static func openForReading(at path: String, busyTimeout: Duration = .seconds(5)) throws -> Journal? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(TimeInterval(busyTimeout.components.seconds) + Double(busyTimeout.components.attoseconds) / 1e18)
        do {
            return try current(Journal(path: path, writer: DatabaseQueue(path: path, configuration: configuration)))
        } catch let error as DatabaseError where needsImmutableRead(error, path: path) {
            // A WAL journal needs its -shm file; where none can be made (a read-only mount, a full
            // disk) no one can be committing either, so SQLite reads the file as immutable instead.
            var components = URLComponents()
            components.scheme = "file"
            components.path = path
            components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
            let uri = components.string ?? "file:\(path)?immutable=1"
            do {
                return try current(Journal(path: path, writer: DatabaseQueue(path: uri, configuration: configuration)))
            } catch { throw JournalError(error, path: path) }
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError(error, path: path)
        }
    }

    /// `journal` if it is a spasm journal of the current schema; nil if it needs migrating.
    private static func current(_ journal: Journal) throws -> Journal? {
        let (version, applicationID) = try journal.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id)")!
            return (row[0] as Int, row[1] as Int32)
        }
        // An empty file (touched beforehand) becomes a journal on the first writable open.
        if applicationID == 0, version == 0 { return nil }
        guard applicationID == Schema.applicationID else {
            throw JournalError(.notAJournal, path: journal.path, detail: "application_id \(applicationID)")
        }
        guard version <= Schema.currentVersion else {
            throw JournalError(.newerSchema, path: journal.path, detail: "schema version \(version), this spasm knows \(Schema.currentVersion)")
        }
        return version == Schema.currentVersion ? journal : nil
    }

    private static func needsImmutableRead(_ error: DatabaseError, path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        switch error.resultCode {
        case .SQLITE_CANTOPEN: return access(directory.isEmpty ? "." : directory, W_OK) != 0
        case .SQLITE_IOERR, .SQLITE_FULL: return JournalError.isFull(directoryOf: path)
        default: return false
        }
    }

    /// A journal in memory, for tests that need no file.
    public static func inMemory() throws -> Journal {
        let queue = try DatabaseQueue()
        let journal = Journal(path: ":memory:", writer: queue)
        try journal.prepareSchema()
        return journal
    }

    private func prepareSchema() throws {
        try guarded {
            let (version, applicationID, tables) = try writer.read { db in
                let row = try Row.fetchOne(db, sql: """
                    SELECT (SELECT user_version FROM pragma_user_version),
                           (SELECT application_id FROM pragma_application_id),
                           (SELECT count(*) FROM sqlite_master)
                    """)!
                return (row[0] as Int, row[1] as Int32, row[2] as Int)
            }
            if applicationID == Schema.applicationID, version == Schema.currentVersion { return }
            let empty = applicationID == 0 && version == 0 && tables == 0
            guard applicationID == Schema.applicationID || empty else {
                throw JournalError(.notAJournal, path: path, detail: "application_id \(applicationID), \(tables) schema objects")
            }
            guard version <= Schema.currentVersion else {
                throw JournalError(.newerSchema, path: path, detail: "schema version \(version), this spasm knows \(Schema.currentVersion)")
            }
            if empty, path != ":memory:" {
                // A new journal may be made from an empty file that was already there (touched, or
                // made by another tool with the default 0644): health data is private from the start.
                chmod(path, 0o600)
                // WAL is a property of the file: set once here, never per process.
                try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            try writer.write { db in try Schema.migrate(db, from: version) }
        }
    }

    /// Runs `body`, turning SQLite failures into `JournalError`s that name the file; input errors pass through.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let error as DatabaseError { throw JournalError(error, path: path) }
    }

    private static func makePrivateDirectory(_ directory: String, for path: String) throws(JournalError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw JournalError(.cannotOpen, path: path, detail: "\(directory) is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError(.cannotOpen, path: path, detail: "cannot create \(directory): \(error.localizedDescription)")
        }
    }
}

extension JournalError {
    /// Whether the file system holding `path` has no room left for another page.
    static func isFull(directoryOf path: String) -> Bool {
        var stats = statvfs()
        let directory = (path as NSString).deletingLastPathComponent
        guard statvfs(directory.isEmpty ? "." : directory, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
    }

    /// Classifies a SQLite (or other) failure.
    init(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError else {
            self.init(.io, path: path, detail: String(describing: error))
            return
        }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_READONLY: self.init(.readOnly, path: path, detail: detail)
        case .SQLITE_FULL: self.init(.diskFull, path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self.init(.locked, path: path, detail: detail)
        case .SQLITE_NOTADB: self.init(.notAJournal, path: path, detail: detail)
        case .SQLITE_CORRUPT: self.init(.corrupt, path: path, detail: detail)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self.init(.cannotOpen, path: path, detail: detail)
        case .SQLITE_IOERR where Self.isFull(directoryOf: path):
            // Out of space while growing the WAL can surface as a plain I/O error.
            self.init(.diskFull, path: path, detail: detail)
        default: self.init(.io, path: path, detail: detail)
        }
    }
}
