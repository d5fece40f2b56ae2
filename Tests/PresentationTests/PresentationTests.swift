import Presentation
import Testing

/// The presentation kit that reports, codebooks and data descriptors share.
struct NumberFormatTests {
    @Test(arguments: [
        (12.5, 2, "12.50"), (-0.001, 2, "0.00"), (1e18, 2, "1000000000000000000.00"), (-3.14159, 3, "-3.142"),
        (.nan, 2, ""), (.infinity, 1, ""),
    ])
    func fixedPlaces(_ value: Double, _ places: Int, _ expected: String) {
        #expect(NumberFormat.fixed(value, places: places) == expected)
    }

    /// Numbers far beyond Int64 are written, never trapped on (the codebook's own formatter
    /// converted to Int64 and aborted the export above about 9.2e18/100).
    @Test func hugeValuesAreWrittenNotTrapped() {
        #expect(NumberFormat.statistic(1e18) == "1000000000000000000.00")
        #expect(NumberFormat.statistic(-9.3e300).hasPrefix("-92999"))
        #expect(NumberFormat.number(11.850000000000001) == "11.85")
    }

    @Test func exactNumbersReadBackTheSameWithoutExponents() {
        for value in [0.1, 1e-7, -1.5e-5, 123_456.789, 1e15, 2.5e-300, -7.0, 999_999_999_999_999.0, 1e18, 1.25e20, 3e-29] {
            let text = NumberFormat.exact(value)
            #expect(Double(text) == value, "\(text)")
            if abs(value) >= 1e-29 { #expect(!text.contains("e"), "\(text)") }
        }
        #expect(NumberFormat.exact(42) == "42")
        #expect(NumberFormat.exact(1e15) == "1000000000000000")
        #expect(NumberFormat.exact(1e-7) == "0.0000001")
        #expect(NumberFormat.exact(-1.5e-5) == "-0.000015")
        #expect(NumberFormat.exact(1.25e20) == "125000000000000000000")
    }
}

struct TextEscapingTests {
    @Test func markdownEscapesEveryFormattingCharacterAndFlattensLines() {
        #expect(TextEscaping.markdown("a*b_c`d|e\nf") == "a\\*b\\_c\\`d\\|e f")
        #expect(TextEscaping.markdown("<script>") == "\\<script\\>")
    }

    @Test func htmlAndJSON() {
        #expect(TextEscaping.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(TextEscaping.jsonString("a\"\\\n\u{01}\u{2028}", lineSeparators: true) == "\"a\\\"\\\\\\n\\u0001\\u2028\"")
    }
}

struct JSONTests {
    @Test func oneWriterTwoLayouts() {
        let document = JSON.object([
            ("n", .integer(3)), ("xs", .array([.number(1.5), .number(2)])), ("names", .array([.string("a"), .null])),
            ("nan", .number(.nan)),
        ])
        #expect(
            document.rendered(.report)
                == "{\n  \"n\": 3,\n  \"xs\": [1.5, 2],\n  \"names\": [\n    \"a\",\n    null\n  ],\n  \"nan\": null\n}")
        #expect(
            document.rendered(.descriptor)
                == "{\n  \"n\": 3,\n  \"xs\": [1.5, 2],\n  \"names\": [\"a\", null],\n  \"nan\": null\n}")
    }
}
