@testable import Analysis
import Foundation
import TestSupport
import Instrument
import Store
import Testing

/// The report formats: the HTML is self-contained, output is reproducible, plans read with
/// located errors.
struct ReportTests {
    static func report() throws -> DescribeReport {
        let yaml = instrumentYAML(
            """
                  - id: colour
                    type: single
                    text: Colour?
                    options:
                      - {code: 1, label: "Red <b>&amp;</b> \\"orange\\""}
                      - {code: 2, label: Blue}
                  - id: age
                    type: integer
                    text: Age?
                  - id: things
                    type: multiple
                    text: Things?
                    options:
                      - {code: 1, label: One}
                      - {code: 2, label: Two}
                      - {code: 97, label: Other, specify: Which?}
            """)
        var interviews: [[String: Answer]] = []
        for index in 0..<80 {
            interviews.append([
                "colour": .value(.choice(index % 7 == 0 ? 1 : 2)), "age": .value(.number(Double(18 + index % 60))),
                "things": .value(.set(index % 3 == 0 ? [1, 97] : [2])),
            ])
        }
        return try Fixture(yaml, interviews).describe(DescribeRequest(by: "colour"), minCell: 10)
    }

    @Test func htmlIsSelfContained() throws {
        let html = ReportRenderer.render([try Self.report()], format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<style>"))
        #expect(html.contains("<svg"))
        let lowered = html.lowercased()
        for pattern in [
            "src=\"http", "href=\"http", "src='http", "href='http", "url(http", "@import", "<script", "<link",
            "<iframe",
        ] {
            #expect(!lowered.contains(pattern), "\(pattern)")
        }
        #expect(lowered.range(of: "(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", options: .regularExpression) == nil)
        #expect(!html.contains("<b>&amp;</b>"), "labels are escaped")
        #expect(html.contains("Red &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;orange&quot;"))
    }

    @Test func everyFormatIsReproducible() throws {
        for format in ReportFormat.allCases {
            let first = ReportRenderer.render([try Self.report()], format: format)
            let second = ReportRenderer.render([try Self.report()], format: format)
            #expect(first == second, "\(format)")
        }
    }

    @Test func jsonParsesAndHidesSuppressedCounts() throws {
        let report = try Self.report()
        let json = ReportRenderer.render([report], format: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let variables = try #require(document["variables"] as? [[String: Any]])
        let colour = try #require(variables.first { $0["name"] as? String == "colour" })
        let rows = try #require(colour["frequencies"] as? [[String: Any]])
        #expect(rows.map { $0["count"] as? Int } == [12, 68])
        let things = try #require(variables.first { $0["name"] as? String == "things" })
        let multiple = try #require(things["multiple"] as? [String: Any])
        #expect(multiple["base"] as? Int == 80)
    }

    @Test func csvHasOneNumberPerLine() throws {
        let csv = ReportRenderer.render([try Self.report()], format: .csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "table,variable,group,category,code,statistic,value")
        #expect(lines.contains("Fixture,age,,,,n,80"))
        #expect(csv.contains("\"Red <b>&amp;</b> \"\"orange\"\"\""))
    }

    @Test func planReaderLocatesMistakes() throws {
        let yaml = """
            plan: Bad Name
            instrument: fixture
            formats: [html, pdf]
            include: [completed, broken-off]
            min_cell: -2
            tables:
              - variables: [a]
                colour: red
            """
        let result = PlanReader.read(bytes: Array(yaml.utf8), path: "plan.yaml")
        let messages = result.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
        #expect(result.hasErrors)
        #expect(messages.contains { $0.hasPrefix("1:7 the plan's id must be lowercase") })
        #expect(
            messages.contains { $0.hasPrefix("3:17 `formats` takes text, markdown, csv, json and html, not `pdf`") })
        #expect(
            messages.contains {
                $0.hasPrefix(
                    "4:22 `include` takes completed, suspended and broken_off, not `broken-off`; did you mean `broken_off`?"
                )
            })
        #expect(messages.contains { $0.hasPrefix("5:11 `min_cell` must be 0") })
        #expect(messages.contains { $0.hasPrefix("7:5 a table needs the key `title`") })
        #expect(messages.contains { $0.hasPrefix("8:5 unknown key `colour` in a table") })
    }

    @Test func planTablesBecomeRequests() throws {
        let yaml = """
            plan: good
            instrument: fixture
            weight: w
            tables:
              - title: One
                variables: [a, b]
                by: c
              - title: Scales
                scores: [s]
            """
        let result = PlanReader.read(bytes: Array(yaml.utf8), path: "plan.yaml")
        #expect(!result.hasErrors)
        let plan = try #require(result.plan)
        #expect(plan.formats == [.html])
        #expect(plan.minCell == 10)
        #expect(
            plan.requests == [
                DescribeRequest(title: "One", variables: ["a", "b"], scores: nil, by: "c", weight: "w"),
                DescribeRequest(title: "Scales", variables: ["s"], scores: ["s"], by: nil, weight: "w"),
            ])
        #expect(PlanReader.isPlan(path: Binary.root.appendingPathComponent("analysis/warmline-follow-up.yaml").path))
        #expect(
            !PlanReader.isPlan(path: Binary.root.appendingPathComponent("instruments/warmline-follow-up.yaml").path))
    }

    @Test func bundledPlansFitTheirInstruments() throws {
        for name in ["warmline-follow-up", "peer-support-experience", "recovery-college-outcomes"] {
            let plan = try #require(
                try PlanReader.read(path: Binary.root.appendingPathComponent("analysis/\(name).yaml").path).plan)
            let instrument = try #require(
                try InstrumentLoader.load(path: Binary.root.appendingPathComponent("instruments/\(name).yaml").path)
                    .instrument)
            #expect(PlanChecker.check(plan, against: PlanChecker.Catalogue(instrument)).isEmpty, "\(name)")
        }
    }
}

/// Markdown tables: labels are escaped once, and totals are bold, not `\*\*`.
struct MarkdownTableTests {
    @Test func totalsAreBoldAndLabelsEscapedOnce() {
        let table = TableBlock(header: ["answer", "n"], rows: [["a_b | c", "3"], ["Total", "7"]], numeric: [1], totals: [1])
        let text = MarkdownRenderer.render(table)
        #expect(text.contains("| a\\_b \\| c | 3 |"), "\(text)")
        #expect(text.contains("| **Total** | **7** |"), "\(text)")
        #expect(!text.contains("\\*\\*"))
    }
}
