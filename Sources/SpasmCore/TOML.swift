import Foundation

/// A TOML value.
public enum TOMLValue: Sendable, Equatable {
    /// Strings have their escapes resolved; integers are 64-bit; floats include `inf` and `nan`.
    case string(String), integer(Int), float(Double), boolean(Bool)
    /// An array; its elements may have mixed types.
    case array([TOMLValue])
    /// An inline table `{ a = 1 }`; dotted keys inside it become nested tables.
    case table([String: TOMLValue])
}

/// One key = value pair, flattened to its full dotted path, with the line it was written on (1-based).
public struct TOMLEntry: Sendable, Equatable {
    /// The full path from the document root, e.g. `["caffeine", "drinks", "coffee"]`.
    public var path: [String]
    /// The parsed value.
    public var value: TOMLValue
    /// The 1-based line of the key, so configuration errors can point at it.
    public var line: Int

    /// The path as written in TOML, e.g. `caffeine.drinks."green tea"`.
    public var dottedKey: String { TOMLEntry.dottedKey(path) }

    /// Quotes only segments that are not bare keys, so the result can be pasted back into a file.
    static func dottedKey(_ path: [String]) -> String {
        path.map { segment in
            if !segment.isEmpty && segment.utf8.allSatisfy(TOMLByte.isBareKey) { return segment }
            return "\"" + segment.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ".")
    }
}

/// A syntax or structure error, with the 1-based line it was found on.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// What is wrong, e.g. `expected '=' after key 'target_mg'`.
    public var message: String

    /// `line N: message`; callers prepend the file name.
    public var description: String { "line \(line): \(message)" }
}

/// A parsed TOML document, kept as a flat list of entries so every value keeps its line.
///
/// Supports a subset of TOML 1.0: comments, `[table]` headers, bare, quoted and dotted keys,
/// basic and literal strings (single- and multi-line), integers (decimal, `0x`, `0o`, `0b`),
/// floats (including `inf` and `nan`), booleans, arrays and inline tables.
///
/// Not supported, and reported as errors: dates and times of any kind, and `[[arrays of tables]]`.
/// An inline table is a single entry whose value is `.table`; its inner keys are not listed separately.
public struct TOMLDocument: Sendable {
    /// Every key/value pair in file order.
    public let entries: [TOMLEntry]
    /// Position of each path in `entries`, for constant-time lookup.
    private let index: [[String]: Int]

    /// Arrays and inline tables nest at most this deep, and a dotted key has at most this many parts:
    /// the parser recurses once per level, so a hostile file must not choose how deep the stack goes.
    public static let maximumDepth = 32
    /// A settings file is a few kilobytes; anything larger than this is refused before parsing.
    public static let maximumBytes = 1 << 20

    /// Parses the text; throws TOMLError for the first syntax error.
    public init(parsing text: String) throws(TOMLError) {
        guard text.utf8.count <= Self.maximumBytes else {
            throw TOMLError(line: 1, message: "the file is \(text.utf8.count) bytes, over the \(Self.maximumBytes)-byte (1 MiB) limit of a settings file")
        }
        var parser = TOMLParser(text)
        try parser.parseDocument()
        entries = parser.entries
        index = parser.index
    }

    /// The entry at exactly this path, if any.
    public func entry(at path: [String]) -> TOMLEntry? { index[path].map { entries[$0] } }

    /// Entries whose path starts with `prefix` (e.g. all keys of [caffeine.drinks]).
    public func entries(under prefix: [String]) -> [TOMLEntry] { entries.filter { $0.path.starts(with: prefix) } }
}

// MARK: - Scanner

/// The ASCII bytes the grammar cares about, in a namespace so they cannot clash with other files.
private enum TOMLByte {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), hash = UInt8(ascii: "#")
    static let comma = UInt8(ascii: ","), dot = UInt8(ascii: "."), equals = UInt8(ascii: "=")
    static let lbracket = UInt8(ascii: "["), rbracket = UInt8(ascii: "]")
    static let lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}"), backslash = UInt8(ascii: "\\")
    static let plus = UInt8(ascii: "+"), minus = UInt8(ascii: "-"), underscore = UInt8(ascii: "_")
    static let zero = UInt8(ascii: "0"), colon = UInt8(ascii: ":")
    /// Bytes that end a bare value such as `42` or `true`.
    static let valueEnd: Set<UInt8> = [space, tab, lf, cr, comma, rbracket, rbrace, hash]
    /// The single-character escapes of basic strings and the bytes they stand for.
    static let escapes: [UInt8: UInt8] = [UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A,
                                          UInt8(ascii: "f"): 0x0C, UInt8(ascii: "r"): 0x0D, quote: quote, backslash: backslash]

    static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= UInt8(ascii: "9") }
    static func isBareKey(_ b: UInt8) -> Bool {
        let lower = b | 0x20  // ASCII letters differ from their lowercase form only in bit 5
        return isDigit(b) || b == underscore || b == minus || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
    }
    /// The value of an ASCII hex digit, or nil.
    static func hexValue(_ b: UInt8) -> Int? {
        if isDigit(b) { return Int(b - zero) }
        let lower = b | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? Int(lower - UInt8(ascii: "a")) + 10 : nil
    }
}

/// A cursor over the UTF-8 bytes that counts lines as it consumes newlines, so errors can name them.
private struct TOMLCursor {
    let bytes: [UInt8]
    var pos = 0
    var line = 1

    var peek: UInt8? { peek(0) }
    func peek(_ offset: Int) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }
    var atEnd: Bool { pos >= bytes.count }
    /// TOML allows only `\n` and `\r\n` as line endings.
    var atNewline: Bool { peek == TOMLByte.lf || (peek == TOMLByte.cr && peek(1) == TOMLByte.lf) }
    var atSpace: Bool { peek == TOMLByte.space || peek == TOMLByte.tab }
    /// Nothing but a comment can follow on this line.
    var atLineEnd: Bool { atEnd || atNewline || peek == TOMLByte.hash }
    /// Only spaces or tabs stand between here and the newline.
    var restOfLineIsBlank: Bool { var probe = self; probe.skipSpaces(); return probe.atNewline }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where pos < bytes.count {
            if bytes[pos] == TOMLByte.lf { line += 1 }
            pos += 1
        }
    }
    mutating func consume(_ b: UInt8) -> Bool {
        guard peek == b else { return false }
        advance()
        return true
    }
    mutating func skipNewline() { advance(peek == TOMLByte.cr ? 2 : 1) }
    mutating func skipSpaces() { while atSpace { advance() } }
    mutating func skipComment() { if peek == TOMLByte.hash { while !atEnd && !atNewline { advance() } } }
    /// Skips spaces, comments and newlines, which may all separate array elements.
    mutating func skipBlank() {
        skipSpaces()
        skipComment()
        while atNewline { skipNewline(); skipSpaces(); skipComment() }
    }

    func error(_ message: String, line: Int? = nil) -> TOMLError { TOMLError(line: line ?? self.line, message: message) }

    /// The next character, as shown in error messages.
    var found: String {
        guard let b = peek else { return "end of file" }
        if atNewline { return "end of line" }
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b >= 0x80, let c = String(decoding: bytes[pos..<min(pos + 4, bytes.count)], as: UTF8.self).first { return "'\(c)'" }
        return String(format: "byte 0x%02X", UInt32(b))
    }
}

// MARK: - Parser

/// A recursive-descent parser with one method per grammar production.
private struct TOMLParser {
    /// How a path was defined; TOML lets each path be defined only once, and only in compatible ways.
    enum Definition { case value, headerTable, implicitTable, dottedTable }

    var cursor: TOMLCursor
    var entries: [TOMLEntry] = []
    var index: [[String]: Int] = [:]
    var definitions: [[String]: Definition] = [:]
    /// The path of the last `[table]` header; keys below it are relative to it.
    var table: [String] = []
    /// How many arrays and inline tables enclose the value being parsed.
    var depth = 0

    init(_ text: String) { cursor = TOMLCursor(bytes: Array(text.utf8)) }

    /// document = *( blank | comment | header | keyval ), each followed by the end of its line.
    mutating func parseDocument() throws(TOMLError) {
        while true {
            cursor.skipBlank()
            if cursor.atEnd { return }
            let isHeader = cursor.peek == TOMLByte.lbracket
            if isHeader {
                try parseHeader()
            } else {
                let (key, value, line) = try parseKeyValue()
                try define(key, value, line: line)
            }
            cursor.skipSpaces()
            guard cursor.atLineEnd else { throw cursor.error("unexpected \(cursor.found) after \(isHeader ? "table header" : "value")") }
        }
    }

    /// header = '[' ws key ws ']'
    mutating func parseHeader() throws(TOMLError) {
        let line = cursor.line
        cursor.advance()
        if cursor.peek == TOMLByte.lbracket { throw cursor.error("arrays of tables ([[...]]) are not supported") }
        cursor.skipSpaces()
        let path = try parseKey()
        guard cursor.consume(TOMLByte.rbracket) else { throw cursor.error("expected ']' after table header, found \(cursor.found)") }
        let name = TOMLEntry.dottedKey(path)
        try openTables(path, below: 0, as: .implicitTable, line: line)
        switch definitions[path] {
        case nil, .implicitTable?: definitions[path] = .headerTable
        case .headerTable?, .dottedTable?: throw cursor.error("duplicate table [\(name)]", line: line)
        case .value?: throw cursor.error("table header [\(name)] redefines key '\(name)', which holds a value", line: line)
        }
        table = path
    }

    /// Creates the tables that `path` passes through after its first `depth` segments.
    /// A table may not run through a value, and dotted keys may not reopen a table made by a header.
    mutating func openTables(_ path: [String], below depth: Int, as kind: Definition, line: Int) throws(TOMLError) {
        for length in (depth + 1)..<path.count {
            let prefix = Array(path[..<length]), name = TOMLEntry.dottedKey(prefix)
            switch (definitions[prefix], kind) {
            case (nil, _): definitions[prefix] = kind
            case (.value?, _): throw cursor.error("key '\(name)' holds a value, so '\(TOMLEntry.dottedKey(path))' cannot be defined", line: line)
            case (.headerTable?, .dottedTable), (.implicitTable?, .dottedTable):
                throw cursor.error("table [\(name)] has a header, so dotted keys cannot add to it", line: line)
            default: break
            }
        }
    }

    /// Records `table + key` as a value, once.
    mutating func define(_ key: [String], _ value: TOMLValue, line: Int) throws(TOMLError) {
        let full = table + key
        try openTables(full, below: table.count, as: .dottedTable, line: line)
        guard definitions[full] == nil else { throw cursor.error("duplicate key '\(TOMLEntry.dottedKey(full))'", line: line) }
        definitions[full] = .value
        index[full] = entries.count
        entries.append(TOMLEntry(path: full, value: value, line: line))
    }

    /// keyval = key ws '=' ws value
    mutating func parseKeyValue() throws(TOMLError) -> (key: [String], value: TOMLValue, line: Int) {
        let line = cursor.line
        let key = try parseKey()
        let name = TOMLEntry.dottedKey(key)
        guard cursor.consume(TOMLByte.equals) else { throw cursor.error("expected '=' after key '\(name)'") }
        cursor.skipSpaces()
        if cursor.atLineEnd { throw cursor.error("missing value for key '\(name)'") }
        return (key, try parseValue(), line)
    }

    /// One level deeper into an array or inline table, refused past `TOMLDocument.maximumDepth`.
    mutating func enterNesting() throws(TOMLError) {
        guard depth < TOMLDocument.maximumDepth else {
            throw cursor.error("arrays and inline tables nest more than \(TOMLDocument.maximumDepth) deep")
        }
        depth += 1
    }

    /// key = simple-key *( ws '.' ws simple-key ), consuming trailing spaces.
    mutating func parseKey() throws(TOMLError) -> [String] {
        var path = [try parseSimpleKey()]
        cursor.skipSpaces()
        while cursor.consume(TOMLByte.dot) {
            guard path.count < TOMLDocument.maximumDepth else {
                throw cursor.error("a dotted key has more than \(TOMLDocument.maximumDepth) parts")
            }
            cursor.skipSpaces()
            path.append(try parseSimpleKey())
            cursor.skipSpaces()
        }
        return path
    }

    /// simple-key = bare-key | basic-string | literal-string
    mutating func parseSimpleKey() throws(TOMLError) -> String {
        if cursor.peek == TOMLByte.quote || cursor.peek == TOMLByte.apostrophe { return try parseString(multiline: false) }
        let start = cursor.pos
        while let b = cursor.peek, TOMLByte.isBareKey(b) { cursor.advance() }
        guard cursor.pos > start else { throw cursor.error("expected a key, found \(cursor.found)") }
        return String(decoding: cursor.bytes[start..<cursor.pos], as: UTF8.self)
    }

    /// value = string | array | inline-table | scalar
    mutating func parseValue() throws(TOMLError) -> TOMLValue {
        switch cursor.peek {
        case let q? where q == TOMLByte.quote || q == TOMLByte.apostrophe:
            return .string(try parseString(multiline: cursor.peek(1) == q && cursor.peek(2) == q))
        case TOMLByte.lbracket?: return try parseArray()
        case TOMLByte.lbrace?: return try parseInlineTable()
        default: return try parseScalar()
        }
    }

    /// Basic ("...", """...""") and literal ('...', '''...''') strings; only basic strings have escapes.
    mutating func parseString(multiline: Bool) throws(TOMLError) -> String {
        let startLine = cursor.line
        let delimiter = cursor.peek!
        cursor.advance(multiline ? 3 : 1)
        if multiline && cursor.atNewline { cursor.skipNewline() }
        var out: [UInt8] = []
        while true {
            guard let b = cursor.peek else { throw cursor.error("unterminated string", line: startLine) }
            if b == delimiter && !multiline {
                cursor.advance()
                break
            } else if b == delimiter {
                // Up to two quotes may touch the closing delimiter, so a run of 3...5 closes the string.
                var run = 0
                while run < 5 && cursor.peek(run) == delimiter { run += 1 }
                cursor.advance(run)
                out += repeatElement(delimiter, count: run >= 3 ? run - 3 : run)
                if run >= 3 { break }
            } else if cursor.atNewline {
                guard multiline else { throw cursor.error("newline in single-line string (use \"\"\" for multi-line text)") }
                cursor.skipNewline()
                out.append(TOMLByte.lf)
            } else if b == TOMLByte.backslash && delimiter == TOMLByte.quote {
                try parseEscape(into: &out, multiline: multiline)
            } else if (b < 0x20 && b != TOMLByte.tab) || b == 0x7F {
                throw cursor.error(String(format: "control character U+%04X in string", UInt32(b)))
            } else {
                out.append(b)
                cursor.advance()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// escape = '\' ( b | t | n | f | r | " | \ | uXXXX | UXXXXXXXX ), plus the line-ending backslash of """ strings.
    mutating func parseEscape(into out: inout [UInt8], multiline: Bool) throws(TOMLError) {
        cursor.advance()
        guard let c = cursor.peek else { return }  // parseString reports the unterminated string
        if let byte = TOMLByte.escapes[c] {
            out.append(byte)
            cursor.advance()
        } else if c == UInt8(ascii: "u") || c == UInt8(ascii: "U") {
            let count = c == UInt8(ascii: "u") ? 4 : 8
            let digits = cursor.bytes[(cursor.pos + 1)..<min(cursor.pos + 1 + count, cursor.bytes.count)]
            let text = String(decoding: digits, as: UTF8.self)
            guard digits.count == count, digits.allSatisfy({ TOMLByte.hexValue($0) != nil }),
                  let value = UInt32(text, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw cursor.error("invalid unicode escape '\\\(Character(Unicode.Scalar(c)))\(text)'")
            }
            out += Array(String(Character(scalar)).utf8)
            cursor.advance(1 + count)
        } else if multiline && cursor.restOfLineIsBlank {
            // A backslash that ends a line swallows the newline and the indentation after it.
            while cursor.atSpace || cursor.atNewline { cursor.advance() }
        } else if c > 0x20 && c < 0x7F {
            throw cursor.error("invalid escape '\\\(Character(Unicode.Scalar(c)))'")
        } else {
            throw cursor.error("invalid escape: backslash followed by \(cursor.found)")
        }
    }

    /// array = '[' *( blank value blank ',' ) [ blank value ] blank ']'
    mutating func parseArray() throws(TOMLError) -> TOMLValue {
        let openLine = cursor.line
        try enterNesting()
        defer { depth -= 1 }
        cursor.advance()
        var items: [TOMLValue] = []
        while true {
            cursor.skipBlank()
            if cursor.atEnd { throw cursor.error("unterminated array", line: openLine) }
            if cursor.consume(TOMLByte.rbracket) { return .array(items) }
            items.append(try parseValue())
            cursor.skipBlank()
            if cursor.consume(TOMLByte.rbracket) { return .array(items) }
            if cursor.atEnd { throw cursor.error("unterminated array", line: openLine) }
            guard cursor.consume(TOMLByte.comma) else { throw cursor.error("expected ',' or ']' in array, found \(cursor.found)") }
        }
    }

    /// inline-table = '{' ws [ keyval *( ws ',' ws keyval ) ] ws '}', all on one line.
    mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        let openLine = cursor.line
        try enterNesting()
        defer { depth -= 1 }
        cursor.advance()
        var table: [String: TOMLValue] = [:]
        var dottedTables: Set<[String]> = []
        cursor.skipSpaces()
        if cursor.consume(TOMLByte.rbrace) { return .table(table) }
        while true {
            if cursor.atLineEnd { throw cursor.error("unterminated inline table", line: openLine) }
            let (key, value, line) = try parseKeyValue()
            try insert(value, at: key[...], into: &table, parent: [], dottedTables: &dottedTables, line: line)
            cursor.skipSpaces()
            if cursor.consume(TOMLByte.rbrace) { return .table(table) }
            guard cursor.consume(TOMLByte.comma) else {
                if cursor.atLineEnd { throw cursor.error("unterminated inline table", line: openLine) }
                throw cursor.error("expected ',' or '}' in inline table, found \(cursor.found)")
            }
            cursor.skipSpaces()
            if cursor.peek == TOMLByte.rbrace { throw cursor.error("trailing comma is not allowed in an inline table") }
        }
    }

    /// Puts a dotted key into an inline table, creating the tables it implies but never reopening a value.
    func insert(_ value: TOMLValue, at key: ArraySlice<String>, into table: inout [String: TOMLValue],
                parent: [String], dottedTables: inout Set<[String]>, line: Int) throws(TOMLError) {
        let name = key.first!, path = parent + [name]
        let duplicate = cursor.error("duplicate key '\(TOMLEntry.dottedKey(path))' in inline table", line: line)
        if key.count == 1 {
            guard table[name] == nil else { throw duplicate }
            table[name] = value
            return
        }
        var child: [String: TOMLValue] = [:]
        if let existing = table[name] {
            guard case .table(let t) = existing, dottedTables.contains(path) else { throw duplicate }
            child = t
        }
        dottedTables.insert(path)
        try insert(value, at: key.dropFirst(), into: &child, parent: path, dottedTables: &dottedTables, line: line)
        table[name] = .table(child)
    }

    /// scalar = boolean | integer | float, read as one token up to the next delimiter.
    mutating func parseScalar() throws(TOMLError) -> TOMLValue {
        let start = cursor.pos
        while let b = cursor.peek, !TOMLByte.valueEnd.contains(b) { cursor.advance() }
        let token = cursor.bytes[start..<cursor.pos]
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "": throw cursor.error("expected a value, found \(cursor.found)")
        case "true", "false": return .boolean(text == "true")
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: return try parseNumber(token, text)
        }
    }

    /// integer = [sign] dec-int | 0x hex | 0o oct | 0b bin;  float = [sign] dec-int ( frac [exp] | exp )
    func parseNumber(_ token: ArraySlice<UInt8>, _ text: String) throws(TOMLError) -> TOMLValue {
        let invalid = cursor.error("invalid number '\(text)'")
        let signed = token.first == TOMLByte.plus || token.first == TOMLByte.minus
        let body = signed ? token.dropFirst() : token
        let head = Array(body.prefix(5))  // "1979-" starts a date, "07:" a time
        if (head.count == 5 && head[..<4].allSatisfy(TOMLByte.isDigit) && head[4] == TOMLByte.minus)
            || (head.count >= 3 && head[..<2].allSatisfy(TOMLByte.isDigit) && head[2] == TOMLByte.colon) {
            throw cursor.error("dates are not supported; use a string")
        }
        guard let first = body.first, TOMLByte.isDigit(first) else { throw cursor.error("invalid value '\(text)' (strings must be quoted)") }
        let radixes: [UInt8: Int] = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2]
        if first == TOMLByte.zero, body.count > 2, let radix = radixes[body[body.startIndex + 1]] {
            let digits = body.dropFirst(2)
            guard !signed, isValidDigits(digits, radix: radix) else { throw invalid }
            guard let value = Int(String(decoding: digits.filter { $0 != TOMLByte.underscore }, as: UTF8.self), radix: radix) else {
                throw cursor.error("integer '\(text)' is out of range")
            }
            return .integer(value)
        }
        let exponent = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = body[..<(exponent ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: TOMLByte.dot)
        let integerPart = mantissa[..<(dot ?? mantissa.endIndex)]
        guard isValidDigits(integerPart, radix: 10) else { throw invalid }
        if integerPart.count > 1 && first == TOMLByte.zero { throw cursor.error("invalid number '\(text)': leading zeros are not allowed") }
        if let dot, !isValidDigits(mantissa[(dot + 1)...], radix: 10) { throw invalid }
        if let exponent {
            var digits = body[(exponent + 1)...]
            if digits.first == TOMLByte.plus || digits.first == TOMLByte.minus { digits = digits.dropFirst() }
            guard isValidDigits(digits, radix: 10) else { throw invalid }
        }
        let clean = String(decoding: token.filter { $0 != TOMLByte.underscore }, as: UTF8.self)
        if dot == nil && exponent == nil {
            guard let value = Int(clean) else { throw cursor.error("integer '\(text)' is out of range") }
            return .integer(value)
        }
        guard let value = Double(clean) else { throw invalid }
        return .float(value)
    }

    /// Digits of `radix`, where every underscore must sit between two digits.
    func isValidDigits(_ digits: ArraySlice<UInt8>, radix: Int) -> Bool {
        guard digits.first != TOMLByte.underscore, digits.last != TOMLByte.underscore, !digits.isEmpty else { return false }
        return zip(digits, digits.dropFirst()).allSatisfy { !($0 == TOMLByte.underscore && $1 == TOMLByte.underscore) }
            && digits.allSatisfy { $0 == TOMLByte.underscore || (TOMLByte.hexValue($0) ?? radix) < radix }
    }
}
