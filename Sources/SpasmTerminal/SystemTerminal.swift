#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The controlling terminal on standard input and output, in raw mode while open: keys arrive one by
/// one without echo, and Ctrl-C arrives as a key instead of a signal, so a prompt can stop cleanly.
///
/// No curses and no terminfo: only a few ANSI sequences that xterm, tmux and the Linux console all
/// share (cursor up, carriage return, erase below, bold, red). The settings in force before are put
/// back on `close()`, and on SIGINT (sent by another program), SIGTERM, SIGHUP or SIGQUIT before the process ends.
public final class SystemTerminal: Terminal {
    private static let input: Int32 = 0
    private static let output: Int32 = 1
    private let decoder = KeyDecoder()
    private var open = true

    /// Whether standard input and standard output are both terminals: the only case in which spasm asks.
    public static var isInteractive: Bool { isatty(input) == 1 && isatty(output) == 1 }

    /// Puts the terminal in raw mode; nil when standard input or output is not a terminal.
    public static func open(environment: [String: String]) -> SystemTerminal? {
        guard isInteractive else { return nil }
        var settings = termios()
        guard tcgetattr(input, &settings) == 0 else { return nil }
        let terminal = SystemTerminal(environment: environment)
        restoredSettings = settings
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { Glibc.signal(signal, restoreAndDie) }
        var raw = settings
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSADRAIN, not TCSAFLUSH: what a quick typist typed ahead is kept for the first question.
        guard tcsetattr(input, TCSADRAIN, &raw) == 0 else { return nil }
        return terminal
    }

    public let styled: Bool
    public let movesCursor: Bool

    private init(environment: [String: String]) {
        let dumb = environment["TERM"] == "dumb"
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        styled = !dumb && !noColour
        movesCursor = !dumb
    }

    deinit { close() }

    /// Puts back the settings in force before `open`.
    public func close() {
        guard open else { return }
        open = false
        if var settings = restoredSettings { _ = tcsetattr(Self.input, TCSADRAIN, &settings) }
        restoredSettings = nil
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { Glibc.signal(signal, SIG_DFL) }
    }

    public var columns: Int {
        var size = winsize()
        if ioctl(Self.output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    public func readKey() -> Key {
        decoder.key(next: Self.readByte, pending: Self.byteWaiting)
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(Self.output, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(written)
        }
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil  // 0: end of input; EIO: the terminal hung up
        }
    }

    /// An escape sequence arrives in one write, so its next byte is there at once; Esc alone is not followed.
    private static func byteWaiting() -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 30) == 1
    }
}

/// The settings to put back, where a signal handler can reach them (it may capture nothing).
nonisolated(unsafe) private var restoredSettings: termios?

private func restoreAndDie(_ signal: Int32) {
    if var settings = restoredSettings { _ = tcsetattr(0, TCSANOW, &settings) }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
