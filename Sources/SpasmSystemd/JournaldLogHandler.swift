import Logging

/// A swift-log handler that writes structured entries to journald.
///
/// Each entry has `MESSAGE`, `PRIORITY` (the syslog number of the level), `CODE_FILE`, `CODE_LINE`,
/// `CODE_FUNC`, `SYSLOG_IDENTIFIER`, `MESSAGE_ID` when the metadata carries a ``MessageID``, and every
/// other metadata key as `SPASM_<KEY>`: `journalctl -t spasmd SPASM_REMINDER=ice` finds them.
public struct JournaldLogHandler: LogHandler {
    /// The program name journald shows and `journalctl -t` selects, e.g. "spasmd".
    public let identifier: String
    private let sink: any JournalSink

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// - Parameters:
    ///   - identifier: the `SYSLOG_IDENTIFIER` of every entry.
    ///   - sink: where entries go: ``SystemJournalSink`` for journald, ``MemoryJournalSink`` in tests.
    ///   - logLevel: the lowest level written.
    public init(
        identifier: String, sink: any JournalSink = SystemJournalSink(), logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.identifier = identifier
        self.sink = sink
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // The narrowest scope wins: the call's metadata over the provider's over the logger's.
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let given = event.metadata { merged.merge(given) { $1 } }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(error)" }
        sink.send(JournaldFields.fields(
            message: event.message.description, level: event.level, metadata: merged,
            file: event.file, function: event.function, line: event.line, identifier: identifier
        ))
    }
}
