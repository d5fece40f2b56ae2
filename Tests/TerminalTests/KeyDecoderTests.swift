import Terminal
import Testing

/// Bytes from a raw terminal into keys, including sequences split across reads.
struct KeyDecoderTests {
    @Test func arrowsDigitsAndControls() {
        var decoder = KeyDecoder()
        let keys = decoder.feed(Array("\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}[D1 j\r\u{7F}\u{03}\u{15}".utf8))
        #expect(keys == [.up, .down, .right, .left, .character("1"), .character(" "), .character("j"), .enter, .backspace, .interrupt, .clearLine])
    }

    @Test func sequencesSplitAcrossReadsAreJoined() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.feed(Array("[".utf8)).isEmpty)
        #expect(decoder.feed(Array("B".utf8)) == [.down])
        // An emoji's four bytes, one at a time.
        let bytes = Array("🙂".utf8)
        for byte in bytes.dropLast() { #expect(decoder.feed([byte]).isEmpty) }
        #expect(decoder.feed([bytes.last!]) == [.character("🙂")])
    }

    @Test func aLoneEscapeIsEscapeWhenNothingFollows() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty && decoder.hasPending)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPending)
        // Escape then a letter (Alt+b): the escape, then the letter.
        #expect(decoder.feed(Array("\u{1B}b".utf8)) == [.escape, .character("b")])
    }

    @Test func unknownSequencesAndInvalidBytesAreSkipped() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[15~".utf8) + [0xFF, 0xC3] + Array("x".utf8)) == [.character("x")])
        #expect(decoder.feed(Array("\u{1B}[5~\u{1B}[6~".utf8)) == [.pageUp, .pageDown])
    }
}
