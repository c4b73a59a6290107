import Synchronization

/// One `NAME=value` pair of a journald entry (systemd.journal-fields(7)).
public struct JournalField: Hashable, Sendable {
    /// Upper-case letters, digits and underscores, at most 64 characters, e.g. `MESSAGE` or `SPASM_REMINDER`.
    public let name: String
    /// Any text, newlines included.
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Where ``JournaldLogHandler`` puts its entries: journald itself, or memory in tests.
public protocol JournalSink: Sendable {
    /// Writes one entry made of `fields`, in the order given.
    func send(_ fields: [JournalField])
}

/// Keeps every entry in memory, in order, instead of writing to journald.
public final class MemoryJournalSink: JournalSink {
    private let recorded = Mutex<[[JournalField]]>([])

    public init() {}

    /// The entries sent so far, oldest first.
    public var entries: [[JournalField]] { recorded.withLock { $0 } }

    public func send(_ fields: [JournalField]) {
        recorded.withLock { $0.append(fields) }
    }
}
