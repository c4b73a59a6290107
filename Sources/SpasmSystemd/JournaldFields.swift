import Logging

/// How one log call becomes the fields of a journald entry (systemd.journal-fields(7)).
enum JournaldFields {
    /// The longest field name journald accepts.
    static let maximumNameLength = 64

    static func fields(
        message: String, level: Logger.Level, metadata: Logger.Metadata,
        file: String, function: String, line: UInt, identifier: String
    ) -> [JournalField] {
        var fields = [
            JournalField("MESSAGE", message),
            JournalField("PRIORITY", String(priority(of: level))),
            JournalField("CODE_FILE", file),
            JournalField("CODE_LINE", String(line)),
            JournalField("CODE_FUNC", function),
            JournalField("SYSLOG_IDENTIFIER", identifier),
        ]
        var rest = metadata
        if let id = rest[MessageID.metadataKey].flatMap({ messageID($0.description) }) {
            fields.append(JournalField("MESSAGE_ID", id))
            rest[MessageID.metadataKey] = nil
        }
        // Sorted, so the same call always gives the same entry.
        for (key, value) in rest.sorted(by: { $0.key < $1.key }) {
            fields.append(JournalField(name(forMetadataKey: key), value.description))
        }
        return fields
    }

    /// The syslog priority journald files the entry under (0 emerg ... 7 debug).
    static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// `SPASM_` and the key upper-cased, anything outside A-Z, 0-9 and _ turned into _.
    /// The prefix keeps spasm's fields apart from journald's own and never starts with _ (trusted fields).
    static func name(forMetadataKey key: String) -> String {
        let body = key.uppercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "0"..."9", "_": Character(scalar)
            default: "_"
            }
        }
        return String(("SPASM_" + String(body)).prefix(maximumNameLength))
    }

    /// The id in journald's spelling (32 lower-case hex digits), or nil when `text` is not a 128-bit id;
    /// such a value is kept as `SPASM_MESSAGE_ID` instead of being dropped.
    static func messageID(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.utf8.count == 32, lowered.utf8.allSatisfy({ $0.isHexDigit }) else { return nil }
        return lowered
    }
}

private extension UInt8 {
    var isHexDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self) }
}
