import Foundation
import Testing
@testable import SpasmCore

// MARK: - Helpers

/// Parses text that must be valid; a parse error fails the test with its line and message.
private func parseTOML(_ text: String) throws -> TOMLDocument {
    try TOMLDocument(parsing: text)
}

/// The value at a dotted path, for brevity in assertions.
private func tomlValue(_ document: TOMLDocument, _ path: String...) -> TOMLValue? {
    document.entry(at: path)?.value
}

/// Expects `text` to fail with exactly this line and message.
private func expectTOMLError(_ text: String, line: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let document = try TOMLDocument(parsing: text)
        Issue.record("expected an error, parsed \(document.entries.count) entries", sourceLocation: sourceLocation)
    } catch {
        #expect(error == TOMLError(line: line, message: message), sourceLocation: sourceLocation)
    }
}

// MARK: - Supported syntax

@Test func commentsAndBlankLinesAreIgnored() throws {
    // Given comments on their own lines, after values, and a '#' inside a string
    let document = try parseTOML("""
        # leading comment

        a = 1 # trailing comment
           # indented comment
        b = "# not a comment" # real comment
        #last line without newline
        """)
    // Then only the two keys remain, with their own lines
    #expect(document.entries == [
        TOMLEntry(path: ["a"], value: .integer(1), line: 3),
        TOMLEntry(path: ["b"], value: .string("# not a comment"), line: 5),
    ])
}

@Test func compactFormsWithoutSpaces() throws {
    let document = try parseTOML("a=1#c\n[t]#c\nb=\"x\"#c\nc=[1,2]#c\nd={e=-1.5e-3}")
    #expect(document.entries == [
        TOMLEntry(path: ["a"], value: .integer(1), line: 1),
        TOMLEntry(path: ["t", "b"], value: .string("x"), line: 3),
        TOMLEntry(path: ["t", "c"], value: .array([.integer(1), .integer(2)]), line: 4),
        TOMLEntry(path: ["t", "d"], value: .table(["e": .float(-0.0015)]), line: 5),
    ])
}

@Test func emptyDocumentHasNoEntries() throws {
    #expect(try parseTOML("").entries.isEmpty)
    #expect(try parseTOML("\n\n# only a comment\n").entries.isEmpty)
}

@Test func tableHeadersPrefixTheKeysBelowThem() throws {
    let document = try parseTOML("""
        top = 0
        [caffeine]
        target = 1
        [caffeine.drinks]
        coffee = 95
        [ a . b . "quoted key" ]
        x = 2
        [site.'literal.key']
        y = 3
        """)
    #expect(document.entries.map(\.path) == [
        ["top"], ["caffeine", "target"], ["caffeine", "drinks", "coffee"],
        ["a", "b", "quoted key", "x"], ["site", "literal.key", "y"],
    ])
    #expect(document.entries.map(\.line) == [1, 3, 5, 7, 9])
}

@Test func subTablesMayComeBeforeTheirParent() throws {
    // Given [a.b] first, which creates [a] implicitly
    let document = try parseTOML("[a.b]\nx = 1\n[a]\ny = 2\n")
    // Then defining [a] afterwards is allowed
    #expect(tomlValue(document, "a", "b", "x") == .integer(1))
    #expect(tomlValue(document, "a", "y") == .integer(2))
}

@Test func bareQuotedAndDottedKeys() throws {
    let document = try parseTOML("""
        bare_key-1 = 1
        1234 = 2
        "quoted key" = 3
        'literal "key"' = 4
        a.b.c = 5
        site . "google.com" = true
        "" = 6
        a.b.d = 7
        """)
    #expect(document.entries.map(\.path) == [
        ["bare_key-1"], ["1234"], ["quoted key"], ["literal \"key\""], ["a", "b", "c"],
        ["site", "google.com"], [""], ["a", "b", "d"],
    ])
    #expect(tomlValue(document, "a", "b", "d") == .integer(7))
}

@Test func dottedKeyQuotesOnlySegmentsThatAreNotBare() throws {
    let document = try parseTOML(#"""
        [caffeine.drinks]
        coffee = 95
        "green tea" = 28
        "say \"hi\"" = 1
        "" = 2
        """#)
    #expect(document.entries.map(\.dottedKey) == [
        "caffeine.drinks.coffee", #"caffeine.drinks."green tea""#, #"caffeine.drinks."say \"hi\"""#, #"caffeine.drinks."""#,
    ])
}

@Test func basicStringsResolveEveryEscape() throws {
    let document = try parseTOML(#"s = "tab\tq\"b\\s\u00E9\U0001F600\b\f\r\n""#)
    #expect(tomlValue(document, "s") == .string("tab\tq\"b\\sé😀\u{08}\u{0C}\r\n"))
}

@Test func basicStringsKeepUnicodeAndTabs() throws {
    let document = try parseTOML("s = \"Größe\t☕\"")
    #expect(tomlValue(document, "s") == .string("Größe\t☕"))
}

@Test func literalStringsKeepBackslashes() throws {
    let document = try parseTOML(#"""
        path = 'C:\Users\nodejs\templates'
        regex = '<\i\c*\s*>'
        quoted = 'Tom "Dubs" Preston'
        empty = ''
        """#)
    #expect(tomlValue(document, "path") == .string(#"C:\Users\nodejs\templates"#))
    #expect(tomlValue(document, "regex") == .string(#"<\i\c*\s*>"#))
    #expect(tomlValue(document, "quoted") == .string(#"Tom "Dubs" Preston"#))
    #expect(tomlValue(document, "empty") == .string(""))
}

@Test func multiLineBasicStringTrimsFirstNewlineAndKeepsLineNumbers() throws {
    // Given a multi-line basic string spanning lines 1-4
    let document = try parseTOML(#"""
        text = """
        Roses are red
        Violets are "blue", \t tabbed
        two quotes "" inside"""
        after = 1
        """#)
    // Then the newline after the opening delimiter is gone and later keys keep their real line
    #expect(tomlValue(document, "text") == .string("Roses are red\nViolets are \"blue\", \t tabbed\ntwo quotes \"\" inside"))
    #expect(document.entry(at: ["text"])?.line == 1)
    #expect(document.entry(at: ["after"])?.line == 5)
}

@Test func multiLineBasicStringLineEndingBackslashJoinsLines() throws {
    let document = try parseTOML(#"""
        folded = """\
            The quick \
            brown fox."""
        next = 2
        """#)
    #expect(tomlValue(document, "folded") == .string("The quick brown fox."))
    #expect(document.entry(at: ["next"])?.line == 4)
}

@Test func multiLineStringsMayEndWithQuotes() throws {
    let document = try parseTOML(#"""
        basic = """""quoted"""""
        literal = '''it's ''quoted'''''
        empty = """"""
        """#)
    #expect(tomlValue(document, "basic") == .string("\"\"quoted\"\""))
    #expect(tomlValue(document, "literal") == .string("it's ''quoted''"))
    #expect(tomlValue(document, "empty") == .string(""))
}

@Test func multiLineLiteralStringIsRaw() throws {
    let document = try parseTOML("""
        raw = '''
        first line
          \\not an escape
        '''
        after = true
        """)
    #expect(tomlValue(document, "raw") == .string("first line\n  \\not an escape\n"))
    #expect(document.entry(at: ["after"])?.line == 5)
}

@Test func windowsLineEndingsAreAccepted() throws {
    let document = try parseTOML("a = 1\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = [\r\n 1,\r\n]\r\nd = 4")
    #expect(tomlValue(document, "b") == .string("x\ny"))
    #expect(tomlValue(document, "c") == .array([.integer(1)]))
    #expect(document.entries.map(\.line) == [1, 2, 5, 8])
}

@Test func integers() throws {
    let document = try parseTOML("""
        a = 42
        b = +17
        c = -5
        d = 1_000_000
        e = 0
        f = 0xDEAD_beef
        g = 0o755
        h = 0b1101
        i = -9223372036854775808
        j = 9223372036854775807
        k = -0
        """)
    #expect(document.entries.map(\.value) == [
        .integer(42), .integer(17), .integer(-5), .integer(1_000_000), .integer(0), .integer(0xDEAD_BEEF),
        .integer(0o755), .integer(0b1101), .integer(Int.min), .integer(Int.max), .integer(0),
    ])
}

@Test func floats() throws {
    let document = try parseTOML("""
        a = 1.5
        b = -0.25
        c = 1e3
        d = 6.02e23
        e = 1E-2
        f = +3.0e+2
        g = 9_224.5
        h = 0.0
        i = inf
        j = -inf
        k = +inf
        l = 5e0_1
        """)
    #expect(document.entries.map(\.value) == [
        .float(1.5), .float(-0.25), .float(1000), .float(6.02e23), .float(0.01), .float(300), .float(9224.5),
        .float(0), .float(.infinity), .float(-.infinity), .float(.infinity), .float(5e1),
    ])
}

@Test func nanParsesAsNotANumber() throws {
    let document = try parseTOML("a = nan\nb = -nan\nc = +nan")
    for entry in document.entries {
        guard case .float(let number) = entry.value else {
            Issue.record("\(entry.dottedKey) is \(entry.value), not a float")
            continue
        }
        #expect(number.isNaN)
    }
    #expect(document.entries.count == 3)
}

@Test func booleans() throws {
    let document = try parseTOML("on = true\noff = false")
    #expect(tomlValue(document, "on") == .boolean(true))
    #expect(tomlValue(document, "off") == .boolean(false))
}

@Test func arraysSpanLinesWithCommentsAndTrailingCommas() throws {
    let document = try parseTOML("""
        ports = [ 8000, 8001, 8002 ]
        mixed = ["a", 1, 2.5, true, [1, [2]], { x = 1 }]
        empty = [ ]
        multi = [
          "one",   # first
          # a comment line

          "two",
        ]
        after = true
        """)
    #expect(tomlValue(document, "ports") == .array([.integer(8000), .integer(8001), .integer(8002)]))
    #expect(tomlValue(document, "mixed") == .array([
        .string("a"), .integer(1), .float(2.5), .boolean(true),
        .array([.integer(1), .array([.integer(2)])]), .table(["x": .integer(1)]),
    ]))
    #expect(tomlValue(document, "empty") == .array([]))
    #expect(tomlValue(document, "multi") == .array([.string("one"), .string("two")]))
    #expect(document.entry(at: ["multi"])?.line == 4)
    #expect(document.entry(at: ["after"])?.line == 10)
}

@Test func inlineTables() throws {
    let document = try parseTOML("""
        point = { x = 1, y = -2 }
        empty = {}
        nested = { a = { b = "c" }, list = [1, 2] }
        dotted = { a.b = 1, a.c = 2, "q k" = 3 }
        """)
    #expect(tomlValue(document, "point") == .table(["x": .integer(1), "y": .integer(-2)]))
    #expect(tomlValue(document, "empty") == .table([:]))
    #expect(tomlValue(document, "nested") == .table(["a": .table(["b": .string("c")]), "list": .array([.integer(1), .integer(2)])]))
    #expect(tomlValue(document, "dotted") == .table(["a": .table(["b": .integer(1), "c": .integer(2)]), "q k": .integer(3)]))
    // An inline table is one entry; its inner keys are not separate entries.
    #expect(document.entries.count == 4)
    #expect(document.entry(at: ["point", "x"]) == nil)
}

@Test func entryLookupAndPrefixSearch() throws {
    let document = try parseTOML("""
        [caffeine]
        daily_target_mg = 400
        [caffeine.drinks]
        coffee = 95
        tea = 40
        [caffeinated]
        x = 1
        """)
    #expect(document.entry(at: ["caffeine", "drinks", "tea"]) == TOMLEntry(path: ["caffeine", "drinks", "tea"], value: .integer(40), line: 5))
    #expect(document.entry(at: ["caffeine", "drinks"]) == nil)
    #expect(document.entry(at: ["missing"]) == nil)
    #expect(document.entries(under: ["caffeine", "drinks"]).map(\.dottedKey) == ["caffeine.drinks.coffee", "caffeine.drinks.tea"])
    // A prefix matches whole segments, so [caffeinated] is not under [caffeine].
    #expect(document.entries(under: ["caffeine"]).count == 3)
    #expect(document.entries(under: []).count == 4)
    #expect(document.entries(under: ["nothing"]).isEmpty)
}

@Test func realisticConfigurationFile() throws {
    // Given a config file like the one spasm ships
    let text = #"""
        # spasm configuration
        # Lines starting with # are comments.

        [journal]
        day_start_hour = 4        # the day rolls over at 4 am
        busy_timeout_ms = 5_000

        [caffeine]
        daily_target_mg = 400.0
        entry_limit_mg = 1_000

        [caffeine.drinks]
        coffee = 95
        espresso = 63
        "green tea" = 28
        cola = 34.5

        [display]
        columns = [
            "date",
            "severity",   # 1-10
            "region",
        ]
        theme = { name = "dark", contrast = 1.2 }
        banner = """
        Welcome back.
        Track gently."""
        enabled = true
        """#
    // When it is parsed
    let document = try parseTOML(text)
    // Then every key is present in file order, with its line
    #expect(document.entries.map(\.dottedKey) == [
        "journal.day_start_hour", "journal.busy_timeout_ms", "caffeine.daily_target_mg", "caffeine.entry_limit_mg",
        "caffeine.drinks.coffee", "caffeine.drinks.espresso", #"caffeine.drinks."green tea""#, "caffeine.drinks.cola",
        "display.columns", "display.theme", "display.banner", "display.enabled",
    ])
    #expect(document.entries.map(\.line) == [5, 6, 9, 10, 13, 14, 15, 16, 19, 24, 25, 28])
    #expect(tomlValue(document, "journal", "busy_timeout_ms") == .integer(5000))
    #expect(tomlValue(document, "caffeine", "daily_target_mg") == .float(400))
    #expect(document.entries(under: ["caffeine", "drinks"]).map(\.value) == [.integer(95), .integer(63), .integer(28), .float(34.5)])
    #expect(tomlValue(document, "display", "columns") == .array([.string("date"), .string("severity"), .string("region")]))
    #expect(tomlValue(document, "display", "theme") == .table(["name": .string("dark"), "contrast": .float(1.2)]))
    #expect(tomlValue(document, "display", "banner") == .string("Welcome back.\nTrack gently."))
}

@Test func twoHundredLineFileKeepsEveryLine() throws {
    // Given 40 tables of 4 keys each (200 lines)
    var text = ""
    for table in 0..<40 {
        text += "[section_\(table)]\nname = \"item \(table)\" # comment\ncount = \(table * 1_000)\nratio = \(table).5\nflags = [true, false]\n"
    }
    // When parsed
    let document = try parseTOML(text)
    // Then every key is there with the line it was written on
    #expect(document.entries.count == 160)
    #expect(document.entry(at: ["section_39", "count"])?.line == 198)
}

@Test func errorDescriptionNamesTheLine() {
    #expect(TOMLError(line: 3, message: "duplicate key 'a'").description == "line 3: duplicate key 'a'")
}

// MARK: - Errors

@Test func duplicateKeyIsReportedOnTheSecondDefinition() {
    expectTOMLError("a = 1\nb = 2\na = 3", line: 3, "duplicate key 'a'")
    expectTOMLError("[t]\nx = 1\n\n\"x\" = 2", line: 4, "duplicate key 't.x'")
    expectTOMLError("a.b = 1\na.b = 2", line: 2, "duplicate key 'a.b'")
    // A key cannot reuse the path of a table made by a header.
    expectTOMLError("[a.b]\n[a]\nb = 1", line: 3, "duplicate key 'a.b'")
}

@Test func repeatedTableHeaderIsADuplicate() {
    expectTOMLError("[server]\nport = 1\n\n[server]\nhost = 2", line: 4, "duplicate table [server]")
    expectTOMLError("[a.b]\n[a]\n[a]", line: 3, "duplicate table [a]")
    // A table made by dotted keys cannot be opened again by a header.
    expectTOMLError("a.b = 1\n[a]", line: 2, "duplicate table [a]")
}

@Test func tableHeaderCannotRedefineAKeyHoldingAValue() {
    expectTOMLError("[fruit]\napple = 1\n\n[fruit.apple]", line: 4, "table header [fruit.apple] redefines key 'fruit.apple', which holds a value")
    expectTOMLError("a = 1\n[a.b]", line: 2, "key 'a' holds a value, so 'a.b' cannot be defined")
    expectTOMLError("t = { x = 1 }\n[t]", line: 2, "table header [t] redefines key 't', which holds a value")
}

@Test func dottedKeysCannotExtendValuesOrHeaderTables() {
    expectTOMLError("a = 1\na.b = 2", line: 2, "key 'a' holds a value, so 'a.b' cannot be defined")
    expectTOMLError("[a.b]\nx = 1\n[a]\nb.y = 2", line: 4, "table [a.b] has a header, so dotted keys cannot add to it")
}

@Test func duplicateKeysInsideInlineTables() {
    expectTOMLError("t = { a = 1, a = 2 }", line: 1, "duplicate key 'a' in inline table")
    expectTOMLError("x = 0\nt = { a = 1, a.b = 2 }", line: 2, "duplicate key 'a' in inline table")
    expectTOMLError("t = { a.b = 1, a.b = 2 }", line: 1, "duplicate key 'a.b' in inline table")
}

@Test func unterminatedStringsReportTheOpeningLine() {
    expectTOMLError("a = 1\nb = \"abc", line: 2, "unterminated string")
    expectTOMLError("a = 'abc", line: 1, "unterminated string")
    expectTOMLError("a = \"\"\"\nline\nmore", line: 1, "unterminated string")
    expectTOMLError("x = 0\na = '''\nfoo\n''", line: 2, "unterminated string")
    expectTOMLError("a = \"ends in backslash\\", line: 1, "unterminated string")
}

@Test func newlineInsideSingleLineString() {
    expectTOMLError("a = 1\nb = \"abc\ndef\"", line: 2, "newline in single-line string (use \"\"\" for multi-line text)")
    expectTOMLError("b = 'abc\n'", line: 1, "newline in single-line string (use \"\"\" for multi-line text)")
    expectTOMLError("\"key\nx\" = 1", line: 1, "newline in single-line string (use \"\"\" for multi-line text)")
}

@Test func invalidEscapes() {
    expectTOMLError("a = 1\nb = \"bad \\q escape\"", line: 2, "invalid escape '\\q'")
    expectTOMLError("a = \"\\uD800\"", line: 1, "invalid unicode escape '\\uD800'")
    expectTOMLError("a = \"\\uZZZZ\"", line: 1, "invalid unicode escape '\\uZZZZ'")
    expectTOMLError("a = \"\\U00110000\"", line: 1, "invalid unicode escape '\\U00110000'")
    expectTOMLError("a = \"\\ \"", line: 1, "invalid escape: backslash followed by ' '")
    // Line-ending backslash is only for multi-line strings.
    expectTOMLError("a = \"x\\\n\"", line: 1, "invalid escape: backslash followed by end of line")
}

@Test func controlCharactersInStrings() {
    expectTOMLError("a = \"bell\u{07}\"", line: 1, "control character U+0007 in string")
    expectTOMLError("a = 'nul\u{00}'", line: 1, "control character U+0000 in string")
    expectTOMLError("a = \"\"\"\nok\nbad\u{7F}\"\"\"", line: 3, "control character U+007F in string")
    expectTOMLError("a = \"\"\"\nlone\rcarriage return\"\"\"", line: 2, "control character U+000D in string")
}

@Test func missingEquals() {
    expectTOMLError("[caffeine]\ntarget_mg 400", line: 2, "expected '=' after key 'target_mg'")
    expectTOMLError("a = 1\nkey", line: 2, "expected '=' after key 'key'")
    expectTOMLError("a.b\n= 1", line: 1, "expected '=' after key 'a.b'")
}

@Test func missingValue() {
    expectTOMLError("a =\nb = 1", line: 1, "missing value for key 'a'")
    expectTOMLError("x = 1\na = # comment", line: 2, "missing value for key 'a'")
    expectTOMLError("a = [1, , 2]", line: 1, "expected a value, found ','")
    expectTOMLError("t = { a = }", line: 1, "expected a value, found '}'")
}

@Test func missingKeyOrBracket() {
    expectTOMLError("= 1", line: 1, "expected a key, found '='")
    expectTOMLError("a. = 1", line: 1, "expected a key, found '='")
    expectTOMLError("x = 1\n[table\ny = 2", line: 2, "expected ']' after table header, found end of line")
}

@Test func trailingGarbageAfterValue() {
    expectTOMLError("a = 1 2", line: 1, "unexpected '2' after value")
    expectTOMLError("a = 1\nb = \"x\" y", line: 2, "unexpected 'y' after value")
    expectTOMLError("a = [1] ]", line: 1, "unexpected ']' after value")
    expectTOMLError("a = \"\"\"x\"\"\"\"\"\"", line: 1, "unexpected '\"' after value")
    expectTOMLError("[t] x = 1", line: 1, "unexpected 'x' after table header")
}

@Test func invalidNumbers() {
    expectTOMLError("a = 1__0", line: 1, "invalid number '1__0'")
    expectTOMLError("a = 1_", line: 1, "invalid number '1_'")
    expectTOMLError("x = 1\na = 007", line: 2, "invalid number '007': leading zeros are not allowed")
    expectTOMLError("a = 00.5", line: 1, "invalid number '00.5': leading zeros are not allowed")
    expectTOMLError("a = 1.", line: 1, "invalid number '1.'")
    expectTOMLError("a = 1.e5", line: 1, "invalid number '1.e5'")
    expectTOMLError("a = 1e", line: 1, "invalid number '1e'")
    expectTOMLError("a = 0xG1", line: 1, "invalid number '0xG1'")
    expectTOMLError("a = 0b102", line: 1, "invalid number '0b102'")
    expectTOMLError("a = +0x10", line: 1, "invalid number '+0x10'")
    expectTOMLError("a = 12abc", line: 1, "invalid number '12abc'")
    expectTOMLError("a = .5", line: 1, "invalid value '.5' (strings must be quoted)")
    expectTOMLError("a = _1", line: 1, "invalid value '_1' (strings must be quoted)")
    expectTOMLError("a = hello", line: 1, "invalid value 'hello' (strings must be quoted)")
    expectTOMLError("a = True", line: 1, "invalid value 'True' (strings must be quoted)")
}

@Test func integerOverflow() {
    expectTOMLError("a = 9223372036854775808", line: 1, "integer '9223372036854775808' is out of range")
    expectTOMLError("x = 1\na = -9_223_372_036_854_775_809", line: 2, "integer '-9_223_372_036_854_775_809' is out of range")
    expectTOMLError("a = 0x8000000000000000", line: 1, "integer '0x8000000000000000' is out of range")
}

@Test func unterminatedArrayReportsTheOpeningLine() {
    expectTOMLError("a = [\n  1,\n  2,\n", line: 1, "unterminated array")
    expectTOMLError("x = 1\na = [1, 2", line: 2, "unterminated array")
    expectTOMLError("a = [\n  1 # comment\n", line: 1, "unterminated array")
    expectTOMLError("a = [1 2]", line: 1, "expected ',' or ']' in array, found '2'")
    expectTOMLError("a = [\n  1\n  2\n]", line: 3, "expected ',' or ']' in array, found '2'")
}

@Test func unterminatedInlineTable() {
    expectTOMLError("x = 0\na = { x = 1\nb = 2", line: 2, "unterminated inline table")
    expectTOMLError("a = { x = 1,", line: 1, "unterminated inline table")
    expectTOMLError("a = {", line: 1, "unterminated inline table")
    expectTOMLError("a = { x = 1 # comment }", line: 1, "unterminated inline table")
    expectTOMLError("a = { x = 1, }", line: 1, "trailing comma is not allowed in an inline table")
    expectTOMLError("a = { x = 1 y = 2 }", line: 1, "expected ',' or '}' in inline table, found 'y'")
}

@Test func datesAreRejectedWithAHint() {
    expectTOMLError("x = 1\nd = 1979-05-27", line: 2, "dates are not supported; use a string")
    expectTOMLError("d = 1979-05-27T07:32:00Z", line: 1, "dates are not supported; use a string")
    expectTOMLError("d = 1979-05-27 07:32:00", line: 1, "dates are not supported; use a string")
    expectTOMLError("t = 07:32:00", line: 1, "dates are not supported; use a string")
    expectTOMLError("a = [2024-01-01]", line: 1, "dates are not supported; use a string")
}

@Test func arraysOfTablesAreRejected() {
    expectTOMLError("a = 1\n\n[[products]]\nname = \"x\"", line: 3, "arrays of tables ([[...]]) are not supported")
}
