import Logging

/// The `MESSAGE_ID` of each kind of event the daemon logs, so `journalctl MESSAGE_ID=...` finds every
/// occurrence whatever the wording. Random 128-bit ids, fixed once: never change or reuse one.
public enum MessageID: String, CaseIterable, Sendable {
    /// The daemon finished start-up and serves requests.
    case started = "c4f4e6679f64497aac0c5cf3c265f4a6"
    /// The daemon began shutting down.
    case stopping = "6e902467a4364a84b8dd43c3b6834cdd"
    /// A client was turned away, e.g. a process of another user (seen from its socket credentials).
    case peerRefused = "8846e906d33542d6b3955d617fe977bf"
    /// A client request failed.
    case requestFailed = "e75e08c7159f420584d1a910c5c96ee8"
    /// The spasm journal (the SQLite file) could not be opened or written.
    case journalUnavailable = "b5bb637e01df4f51bdce48efe6defa77"
    /// A watchdog ping was late or could not be sent.
    case watchdogMissed = "ab698344f9a447b6b82f7abaf16e805d"

    /// The metadata key ``JournaldLogHandler`` turns into `MESSAGE_ID`.
    public static let metadataKey = "message_id"

    /// Metadata tagging a log call with this id: `logger.info("...", metadata: MessageID.started.metadata)`.
    public var metadata: Logger.Metadata { [Self.metadataKey: .string(rawValue)] }
}
