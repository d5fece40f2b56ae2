import Instrument
import Testing

/// An error inside an expression is located to its own column in the file, whatever the
/// scalar's style.
struct ExpressionLocationTests {
    private func location(of askIf: String) -> (line: Int, column: Int)? {
        let text = instrument("""
                  - id: age
                    type: integer
                    text: Age?
                    range: [0, 120]
                  - id: q
                    type: text
                    text: Q
                    ask_if: \(askIf)
            """)
        let diagnostic = load(text).diagnostics.first { $0.message.contains("agee") }
        return diagnostic?.location.map { ($0.line, $0.column) }
    }

    // The `ask_if:` line is line 21 of the generated file; its value starts at column 17.
    @Test func plainScalar() {
        let found = location(of: "age > 3 and agee < 5")
        #expect(found?.line == 21 && found?.column == 29)
    }

    @Test func singleQuotedScalar() {
        let found = location(of: "'age > 3 and agee < 5'")
        #expect(found?.line == 21 && found?.column == 30)
    }

    @Test func doubleQuotedScalarWithAnEscapeBeforeTheError() {
        // `\t` takes two columns in the file but one character in the expression.
        let found = location(of: "\"age >\\t3 and agee < 5\"")
        #expect(found?.line == 21 && found?.column == 31)
    }

    @Test func literalBlock() {
        let found = location(of: "|\n          age > 3 and\n          agee < 5")
        #expect(found?.line == 23 && found?.column == 11)
    }

    @Test func foldedBlock() {
        let found = location(of: ">\n          age > 3\n          and agee < 5")
        #expect(found?.line == 23 && found?.column == 15)
    }
}
