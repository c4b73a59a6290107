import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sets up swift-log for the service process: journald under systemd, standard error elsewhere.
public enum ServiceLogging {
    /// The environment variable naming the lowest level logged (trace ... critical); info when unset.
    public static let levelVariable = "SPASMD_LOG_LEVEL"

    /// Bootstraps `LoggingSystem` once per process, before the first `Logger` is made.
    ///
    /// Entries go to journald (``JournaldLogHandler``) when ``LogDestination/detect(journalStream:standardError:)``
    /// says stderr is journald's stream, otherwise swift-log's `StreamLogHandler` writes lines to stderr.
    /// A `SPASMD_LOG_LEVEL` that names no level is reported as a warning and info is used.
    /// - Parameter identifier: the program name in the journal, e.g. "spasmd".
    public static func bootstrap(identifier: String) {
        let requested = environment(levelVariable)
        let level = self.level(named: requested) ?? .info
        let destination = LogDestination.detect(journalStream: environment("JOURNAL_STREAM"))
        LoggingSystem.bootstrap { label in
            switch destination {
            case .journal:
                return JournaldLogHandler(identifier: identifier, logLevel: level)
            case .standardError:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        if let requested, self.level(named: requested) == nil {
            Logger(label: identifier).warning(
                "\(levelVariable)=\(requested) names no log level; logging at info. Use one of: \(levelNames)")
        }
    }

    /// The level `name` spells (any case, surrounding blanks ignored); info for nil or empty; nil for anything else.
    public static func level(named name: String?) -> Logger.Level? {
        let trimmed = (name ?? "").trimmingBlanks().lowercased()
        return trimmed.isEmpty ? .info : Logger.Level(rawValue: trimmed)
    }

    private static let levelNames = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

private extension String {
    func trimmingBlanks() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
