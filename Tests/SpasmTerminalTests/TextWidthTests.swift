import Testing
import SpasmTerminal

@Suite struct TextWidthTests {
    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = TextWidth.wrap("new trouble passing urine, or loss of bladder or bowel control", width: 20)
        #expect(lines == ["new trouble passing", "urine, or loss of", "bladder or bowel", "control"])
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 20 })
    }

    @Test func listItemsHangUnderTheirText() {
        #expect(TextWidth.wrap("- numbness around the genitals", width: 16) == ["- numbness", "  around the", "  genitals"])
    }

    @Test func aWordWiderThanTheLineIsCut() {
        #expect(TextWidth.wrap("see 0123456789abcdef", width: 8) == ["see", "01234567", "89abcdef"])
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextWidth.columns("腰痛") == 4)
        #expect(TextWidth.columns("neck") == 4)
        #expect(TextWidth.wrap("腰痛 腰痛 腰痛", width: 10) == ["腰痛 腰痛", "腰痛"])
    }

    @Test func linesAndEmptyLinesAreKept() {
        #expect(TextWidth.wrap("one\n\ntwo", width: 40) == ["one", "", "two"])
    }
}
