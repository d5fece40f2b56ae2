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
        #expect(decoder.feed(Array("\u{1B}[99~".utf8) + [0xFF, 0xC3] + Array("x".utf8)) == [.character("x")])
        #expect(decoder.feed(Array("\u{1B}[5~\u{1B}[6~".utf8)) == [.pageUp, .pageDown])
    }

    /// Commands are Ctrl keys, which typing cannot produce; Ctrl-H is Backspace (many terminals
    /// send it for the Backspace key), never a command; function keys, Home, End and Shift-Tab
    /// are decoded.
    @Test func controlKeysAreCommandsAndCtrlHIsBackspace() {
        var decoder = KeyDecoder()
        let keys = decoder.feed([0x02, 0x12, 0x0B, 0x18, 0x0E, 0x10, 0x05, 0x07, 0x06, 0x08, 0x13, 0x11, 0x17])
        #expect(keys == [
            .control("b"), .control("r"), .control("k"), .control("x"), .control("n"), .control("p"), .control("e"),
            .control("g"), .control("f"), .backspace, .control("s"), .control("q"), .control("w"),
        ])
        #expect(keys.compactMap(Command.init) == [.back, .refused, .dontKnow, .notApplicable, .note, .pause, .stop, .help, .finish])
        #expect(decoder.feed(Array("\u{1B}OP\u{1B}[15~\u{1B}[Z\u{1B}[H\u{1B}[F".utf8)) == [.function(1), .function(5), .backTab, .home, .end])
        #expect(Command(.backTab) == .back && Command(.function(1)) == .help)
        // Every printable character is typing, whatever it is.
        #expect(decoder.feed(Array("rdbpnq?a".utf8)).allSatisfy { Command($0) == nil })
    }
}
