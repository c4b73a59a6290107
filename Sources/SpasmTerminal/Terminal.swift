/// The terminal a prompt talks to: keys in, text out. `SystemTerminal` is the real one (raw mode on
/// standard input and output); `MemoryTerminal` plays typed keys for tests.
public protocol Terminal: AnyObject {
    /// Columns to wrap text at; read on every use, so a resized window is followed.
    var columns: Int { get }
    /// Whether bold and colour may be written (a terminal that can show them, and NO_COLOR unset).
    var styled: Bool { get }
    /// Whether the cursor can be moved with escape sequences (any terminal but TERM=dumb).
    var movesCursor: Bool { get }
    /// Blocks until the next key.
    func readKey() -> Key
    func write(_ text: String)
}

/// The user stopped answering: nothing the questions led to may be written.
public struct PromptCancelled: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Ctrl-C.
        case interrupted
        /// Ctrl-D, or the terminal went away.
        case endOfInput
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// The exit status for it: 130 as a shell reports an interrupted program, 64 for input that ended early.
    public var exitCode: Int32 { reason == .interrupted ? 130 : 64 }

    public var message: String {
        reason == .interrupted ? "interrupted; nothing was written" : "input ended before the answers were complete; nothing was written"
    }
}
