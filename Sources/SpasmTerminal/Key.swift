/// One key press as a prompt sees it, decoded from the bytes a terminal sends.
public enum Key: Sendable, Equatable {
    /// A printable character (never a control character).
    case character(Character)
    /// Return or Enter.
    case enter
    /// Backspace or Delete-left.
    case backspace
    /// Ctrl-U: erase the whole answer.
    case eraseLine
    /// Ctrl-W: erase the last word.
    case eraseWord
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D, or the terminal closed.
    case endOfInput
    /// Anything a prompt ignores: arrows, function keys, other control keys.
    case ignored
}

/// Turns the bytes of a terminal in raw mode into keys: UTF-8 characters, control keys and escape
/// sequences (arrows, function keys), which are swallowed whole so they never land in an answer.
public struct KeyDecoder: Sendable {
    public init() {}

    /// The next key, reading bytes with `next`; `next` returns nil when the input ended, and
    /// `pending` says whether another byte is already waiting (to tell Esc alone from a sequence).
    public func key(next: () -> UInt8?, pending: () -> Bool) -> Key {
        guard let byte = next() else { return .endOfInput }
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x15: return .eraseLine
        case 0x17: return .eraseWord
        case 0x1B: return escape(next: next, pending: pending)
        case 0x00..<0x20: return .ignored
        default: return character(lead: byte, next: next)
        }
    }

    private func escape(next: () -> UInt8?, pending: () -> Bool) -> Key {
        guard pending(), let kind = next() else { return .ignored }
        switch kind {
        case UInt8(ascii: "["):
            // CSI: parameter and intermediate bytes, then one final byte in 0x40...0x7E.
            while let byte = next(), !(0x40...0x7E).contains(byte) {}
        case UInt8(ascii: "O"):
            _ = next()  // SS3: one more byte (arrows and F1-F4 in application mode)
        default:
            break  // Alt+key: dropped
        }
        return .ignored
    }

    private func character(lead: UInt8, next: () -> UInt8?) -> Key {
        let length = switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        case 0x20...0x7E: 1
        default: 0
        }
        guard length > 0 else { return .ignored }
        var bytes = [lead]
        while bytes.count < length, let byte = next() { bytes.append(byte) }
        guard let text = String(validating: bytes, as: UTF8.self), let character = text.first,
              !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return .ignored }
        return .character(character)
    }
}
