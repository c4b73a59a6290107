/// A terminal for tests: plays the keys it was given and keeps everything written to it.
///
/// When the keys run out it reports the end of input, as a closed terminal does.
public final class MemoryTerminal: Terminal {
    public var columns: Int
    public var styled: Bool
    public var movesCursor: Bool
    /// Everything written, escape sequences included.
    public private(set) var output = ""
    private var keys: [Key]

    public init(keys: [Key], columns: Int = 80, styled: Bool = false, movesCursor: Bool = true) {
        self.keys = keys
        self.columns = columns
        self.styled = styled
        self.movesCursor = movesCursor
    }

    /// Keys for typed text: each character, with "\r" (or "\n") as Enter.
    public static func typing(_ text: String) -> [Key] {
        text.map { $0 == "\r" || $0 == "\n" ? .enter : .character($0) }
    }

    public func readKey() -> Key { keys.isEmpty ? .endOfInput : keys.removeFirst() }

    public func write(_ text: String) { output += text }

    /// The output without escape sequences, as a reader would see it on a terminal that only appends.
    public var plainOutput: String { Self.strippingEscapes(output) }

    /// Text with CSI escape sequences removed.
    public static func strippingEscapes(_ text: String) -> String {
        var result = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\u{1B}" else { result.unicodeScalars.append(scalar); continue }
            guard iterator.next() == "[" else { continue }
            while let byte = iterator.next(), !(0x40...0x7E).contains(byte.value) {}
        }
        return result
    }
}
