/// How deeply a JSON text nests, found by one pass over its bytes before any parser sees it.
///
/// Every JSON document spasm reads (a backup, a Varlink message, a line from spasm-notify, the
/// advice spasm-render is given) is a few levels deep; a hostile one might be thousands deep, and a
/// recursive decoder then uses stack in proportion. Checking first gives one documented limit and a
/// clear refusal, whatever the decoder underneath would do.
public enum JSONNesting {
    /// Arrays and objects nest at most this deep in anything spasm reads (a backup needs four).
    public static let maximumDepth = 64

    /// Whether no array or object in `bytes` lies more than `limit` levels deep. Brackets inside
    /// strings are not counted; the text need not be valid JSON (the parser judges that).
    public static func isWithin<Bytes: Sequence<UInt8>>(_ bytes: Bytes, limit: Int = maximumDepth) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return false }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return true
    }
}
