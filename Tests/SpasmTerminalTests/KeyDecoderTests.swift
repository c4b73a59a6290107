import Testing
import SpasmTerminal

@Suite struct KeyDecoderTests {
    /// Decodes every key in `bytes`, as a terminal in raw mode would deliver them.
    func keys(_ bytes: [UInt8]) -> [Key] {
        var rest = bytes[...]
        var keys: [Key] = []
        let decoder = KeyDecoder()
        while !rest.isEmpty {
            keys.append(decoder.key(next: { rest.popFirst() }, pending: { !rest.isEmpty }))
        }
        return keys
    }

    @Test func controlKeysHaveTheirMeaning() {
        #expect(keys([0x0D, 0x0A, 0x7F, 0x08, 0x03, 0x04, 0x15, 0x17]) ==
                [.enter, .enter, .backspace, .backspace, .interrupt, .endOfInput, .eraseLine, .eraseWord])
        #expect(keys([0x1A, 0x09]) == [.ignored, .ignored])  // Ctrl-Z and Tab never land in an answer
    }

    @Test func utf8CharactersArriveWhole() {
        #expect(keys(Array("aé腰😖".utf8)) == [.character("a"), .character("é"), .character("腰"), .character("😖")])
    }

    @Test func escapeSequencesAreSwallowedWhole() {
        // Up arrow (CSI), F1 (SS3), Delete (CSI 3 ~), then a letter.
        let bytes: [UInt8] = [0x1B, 0x5B, 0x41, 0x1B, 0x4F, 0x50, 0x1B, 0x5B, 0x33, 0x7E, 0x79]
        #expect(keys(bytes) == [.ignored, .ignored, .ignored, .character("y")])
    }

    @Test func escapeAloneIsIgnored() {
        let decoder = KeyDecoder()
        var rest: [UInt8] = [0x1B]
        #expect(decoder.key(next: { rest.isEmpty ? nil : rest.removeFirst() }, pending: { false }) == .ignored)
    }

    @Test func theEndOfTheBytesIsTheEndOfInput() {
        #expect(KeyDecoder().key(next: { nil }, pending: { false }) == .endOfInput)
    }
}
