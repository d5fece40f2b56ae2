import Foundation
import Instrument
import Testing

@testable import Export

/// `peersurvey codebook` through the built binary: every language's wording and every code, a
/// self-contained HTML page, escaping, frequencies equal to describe's with suppression, sealed
/// variables, and clear errors.
struct CodebookTests {
    /// Every text a codebook must show: each question's wording, hint and instruction in every
    /// language, and each option's label in every language.
    static func requiredTexts(_ instrument: Instrument) -> [String] {
        var texts: [String] = []
        func add(_ text: LocalizedText?) {
            guard let text else { return }
            for language in instrument.languages { texts.append(text.text(in: language)) }
        }
        for (_, question) in instrument.allQuestions where question.isAsked {
            add(question.text)
            add(question.hint)
            add(question.interviewer)
            for option in question.kind.options?.options ?? [] { add(option.label) }
            if case .grid(_, let items) = question.kind { for item in items { add(item.text) } }
        }
        return texts
    }

    @Test(arguments: bundledInstruments)
    func markdownHasEveryLanguageAndCode(instrument id: String) throws {
        let instrument = try bundled(id)
        let result = try CodebookTool.peersurvey(["codebook", bundledPath(id), "--format", "md"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# Codebook: "))
        #expect(text.contains("Made from the instrument alone"))
        for wording in Self.requiredTexts(instrument) {
            #expect(text.contains(MarkdownCodebook.escape(wording)), "missing: \(wording)")
        }
        for variable in instrument.variables.all {
            #expect(text.contains("### `\(variable.id)`"), "no entry for \(variable.id)")
            if case .choice(let list) = variable.type {
                for option in list.options { #expect(text.contains("| \(option.code) |"), "\(variable.id) code \(option.code)") }
            }
        }
        for kind in MissingKind.allCases {
            #expect(text.contains("| \(instrument.missing[kind].code) | `\(kind.key)` |"))
        }
    }

    @Test(arguments: bundledInstruments)
    func htmlHasEveryLanguageAndIsSelfContained(instrument id: String) throws {
        let instrument = try bundled(id)
        let result = try CodebookTool.peersurvey(["codebook", bundledPath(id), "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = result.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for wording in Self.requiredTexts(instrument) {
            #expect(page.contains(HTMLCodebook.escape(wording)), "missing: \(wording)")
        }
        for language in instrument.languages.dropFirst() { #expect(page.contains("lang=\"\(language)\"")) }
        // Nothing fetched, nothing run.
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url(", "http://", "https://"] {
            #expect(!page.lowercased().contains(forbidden), "the page has \(forbidden)")
        }
        // Accessible tables: captions and header cells with scopes.
        #expect(page.components(separatedBy: "<table>").count == page.components(separatedBy: "<caption>").count)
        #expect(!page.contains("<th>"))
        #expect(page.contains("<th scope=\"col\""))
        #expect(page.contains("<th scope=\"row\""))
    }

    static let hostile = """
        instrument: hostile
        version: 1
        title: "Hostile <b>title</b> & co"
        sections:
          - id: main
            title: "Main <i>section</i>"
            questions:
              - id: pick
                type: single
                text: "Pick <script>alert('x')</script> one | of these *now* [link](http://evil.example) `code`"
                label: "Pick \\"quoted\\" & <b>bold</b>"
                interviewer: "Say </dd></dl><script>alert(2)</script>"
                options:
                  - {code: 1, name: a, label: "<img src=x onerror=alert(3)>"}
                  - {code: 2, name: b, label: "Tom & Jerry's \\"pipe\\" | cell"}
              - {id: follow, type: integer, text: "Follow-up?", ask_if: "pick == a"}
        """

    @Test func hostileLabelsAreEscaped() throws {
        let path = try codebookDirectory().appendingPathComponent("hostile.yaml")
        try Self.hostile.write(to: path, atomically: true, encoding: .utf8)
        let html = try CodebookTool.peersurvey(["codebook", path.path, "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        let page = html.stdout
        for raw in ["<script", "<img", "<b>", "<i>", "</dd></dl>"] {
            #expect(!page.contains(raw), "unescaped \(raw)")
        }
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("&lt;img src=x onerror=alert(3)&gt;"))
        #expect(page.contains("Tom &amp; Jerry&#39;s &quot;pipe&quot; | cell"))
        #expect(page.contains("is &quot;&lt;img src=x onerror=alert(3)&gt;&quot;"), "routing words are escaped too")
        let markdown = try CodebookTool.peersurvey(["codebook", path.path, "--format", "md"])
        #expect(markdown.status == 0)
        let text = markdown.stdout
        // Every `<`, `[`, `*` and backtick from the instrument is escaped with a backslash.
        let characters = Array(text)
        for index in characters.indices where "<[*".contains(characters[index]) {
            #expect(index > 0 && characters[index - 1] == "\\", "unescaped \(characters[index]) in Markdown")
        }
        for raw in ["[link](", "*now*"] { #expect(!text.contains(raw)) }
        #expect(text.contains("\\<script\\>"))
        #expect(text.contains("\\| cell"))
        // Table rows keep their cell count: no label adds a column.
        for line in text.split(separator: "\n") where line.hasPrefix("| 1 |") || line.hasPrefix("| 2 |") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 4, "\(line)")
        }
        let json = try CodebookTool.peersurvey(["codebook", path.path, "--format", "json"])
        let document = try jsonObject(json.stdout)
        #expect(document["format"] as? String == JSONCodebook.format)
    }

    @Test func jsonIsTheSameContentForScripts() throws {
        let result = try CodebookTool.peersurvey(["codebook", bundledPath("warmline-follow-up"), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try jsonObject(result.stdout)
        #expect(document["format"] as? String == "peersurvey-codebook/1")
        let parts = try #require(document["parts"] as? [[String: Any]])
        let variables = parts.flatMap { ($0["variables"] as? [[String: Any]]) ?? [] }
        let names = variables.compactMap { $0["name"] as? String }
        let instrument = try bundled("warmline-follow-up")
        for variable in instrument.variables.all { #expect(names.contains(variable.id)) }
        let whyNot = try #require(variables.first { $0["name"] as? String == "why_not_again" })
        let routing = try #require(whyNot["routing"] as? [String: Any])
        let conditions = try #require(routing["conditions"] as? [[String: Any]])
        #expect(conditions.first?["expression"] as? String == "call_again == no or call_again == not_sure")
        #expect(document["study"] == nil)
        // The same input gives the same bytes.
        let again = try CodebookTool.peersurvey(["codebook", bundledPath("warmline-follow-up"), "--format", "json"])
        #expect(again.stdout == result.stdout)
    }

    @Test(arguments: bundledInstruments)
    func frequenciesAreDescribesWithSuppression(instrument id: String) throws {
        let study = try #require(SimulatedStudies.byInstrument[id])
        let codebook = try CodebookTool.peersurvey(["codebook", bundledPath(id), "--db", study, "--format", "json"])
        #expect(codebook.status == 0, "\(codebook.stderr)")
        let describe = try CodebookTool.peersurvey(["describe", "--db", study, "--format", "json"])
        #expect(describe.status == 0, "\(describe.stderr)")
        let described = try jsonObject(describe.stdout)
        let results = (described["variables"] as? [[String: Any]]) ?? []
        let document = try jsonObject(codebook.stdout)
        let study_ = try #require(document["study"] as? [String: Any])
        #expect(study_["interviews"] as? Int == described["interviews"] as? Int)
        #expect(study_["min_cell"] as? Int == 10)
        let variables = ((document["parts"] as? [[String: Any]]) ?? []).flatMap { ($0["variables"] as? [[String: Any]]) ?? [] }
        var compared = 0, hidden = 0
        for variable in variables {
            guard let frequencies = variable["frequencies"] as? [String: Any], let name = variable["name"] as? String,
                let result = results.first(where: { $0["name"] as? String == name })
            else { continue }
            let cases = try #require(result["cases"] as? [String: Any])
            let answered = try #require(frequencies["answered"] as? [String: Any])
            #expect(Self.same(answered, cases["answered"]), "\(name) answered")
            let missing = (cases["missing"] as? [String: Any]) ?? [:]
            for row in (frequencies["missing"] as? [[String: Any]]) ?? [] {
                let kind = try #require(row["kind"] as? String)
                let count = try #require(row["count"] as? [String: Any])
                #expect(Self.same(count, missing[kind]), "\(name) \(kind)")
                if count["value"] == nil { hidden += 1 }
            }
            var expected: [Int: Any] = [:]
            for row in (result["frequencies"] as? [[String: Any]]) ?? [] { expected[row["code"] as! Int] = row["count"] }
            for row in ((result["multiple"] as? [String: Any])?["options"] as? [[String: Any]]) ?? [] {
                expected[row["code"] as! Int] = row["count"]
            }
            for row in (frequencies["rows"] as? [[String: Any]]) ?? [] {
                let code = try #require(row["code"] as? Int)
                let count = try #require(row["count"] as? [String: Any])
                #expect(Self.same(count, expected[code]), "\(name) code \(code)")
                if count["value"] == nil { hidden += 1 }
                compared += 1
            }
        }
        #expect(compared > 20)
        #expect(hidden > 0, "a study of 300 has small cells to hide")
    }

    /// Whether a codebook count (`{value, display}`) is what describe's JSON shows: the same number,
    /// or no number and the same mark (`<10`, `x`).
    static func same(_ count: [String: Any], _ described: Any?) -> Bool {
        if let mark = described as? String { return count["value"] == nil && count["display"] as? String == mark }
        guard let number = (described as? NSNumber)?.doubleValue else { return false }
        return (count["value"] as? NSNumber)?.doubleValue == number
    }

    @Test func suppressedCountsNeverAppearInMarkdownOrHTML() throws {
        let study = try #require(SimulatedStudies.byInstrument["peer-support-experience"])
        let markdown = try CodebookTool.peersurvey([
            "codebook", bundledPath("peer-support-experience"), "--db", study, "--format", "md",
        ])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("Small-cell suppression is on"))
        // Every count of a frequency or status table is 0, 10 or more, or a mark (<10, x).
        var column: Int?
        var counts = 0
        for line in markdown.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| code | answer | count |") { column = 3 } else if line.hasPrefix("| status | count |") { column = 2 }
            guard let index = column else { continue }
            guard line.hasPrefix("|") else {
                column = nil
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > index, !cells[index].hasPrefix("-"), cells[index] != "count" else { continue }
            let cell = cells[index]
            counts += 1
            if let count = Int(cell) {
                #expect(count == 0 || count >= 10, "a small count is shown: \(line)")
            } else {
                #expect(cell == "x", "\(line)")
            }
        }
        #expect(counts > 50)
        let html = try CodebookTool.peersurvey([
            "codebook", bundledPath("peer-support-experience"), "--db", study, "--format", "html",
        ])
        #expect(html.stdout.contains("<td class=\"num suppressed\">x</td>"))
        #expect(!html.stdout.contains("&lt;10"), "small counts look like the counts hidden to protect them")
    }

    @Test func identifyingVariablesAreSealedAndNeverCounted() throws {
        let study = try #require(SimulatedStudies.byInstrument["peer-support-experience"])
        let result = try CodebookTool.peersurvey([
            "codebook", bundledPath("peer-support-experience"), "--db", study, "--format", "json",
        ])
        let document = try jsonObject(result.stdout)
        let variables = ((document["parts"] as? [[String: Any]]) ?? []).flatMap { ($0["variables"] as? [[String: Any]]) ?? [] }
        let email = try #require(variables.first { $0["name"] as? String == "contact_email" })
        #expect(email["export"] as? String == "sealed")
        #expect(email["frequencies"] == nil)
        #expect((email["columns"] as? [Any])?.isEmpty == true)
        let markdown = try CodebookTool.peersurvey([
            "codebook", bundledPath("peer-support-experience"), "--db", study, "--format", "md",
        ])
        let entry = try #require(markdown.stdout.components(separatedBy: "### `contact_email`").last)
        let section = entry.components(separatedBy: "### ").first ?? ""
        #expect(section.contains("sealed, never exported"))
        #expect(!section.contains("Frequencies"))
    }

    @Test func badInputsAreExplained() throws {
        let missing = try CodebookTool.peersurvey(["codebook", "instruments/no-such.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("instruments/no-such.yaml"))
        #expect(missing.stderr.contains("no such file"))
        #expect(missing.stdout.isEmpty)

        let format = try CodebookTool.peersurvey(["codebook", bundledPath("warmline-follow-up"), "--format", "pdf"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("pdf"))
        #expect(format.stderr.contains("md") && format.stderr.contains("ddi"))

        let broken = try codebookDirectory().appendingPathComponent("broken.yaml")
        try "instrument: broken\nversion: 1\ntitle: Broken\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: q, type: single, text: Q?, options: no_such_set}\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let errors = try CodebookTool.peersurvey(["codebook", broken.path])
        #expect(errors.status == 65)
        #expect(errors.stderr.contains("error:"))
        #expect(errors.stderr.contains("peersurvey check"))

        let noDatabase = try CodebookTool.peersurvey([
            "codebook", bundledPath("warmline-follow-up"), "--db", "/nonexistent/study.sqlite",
        ])
        #expect(noDatabase.status == 66)
        #expect(noDatabase.stderr.contains("/nonexistent/study.sqlite"))

        let study = try #require(SimulatedStudies.byInstrument["warmline-follow-up"])
        let other = try CodebookTool.peersurvey(["codebook", bundledPath("peer-support-experience"), "--db", study])
        #expect(other.status == 64)
        #expect(other.stderr.contains("peer-support-experience"))

        let unwritable = try CodebookTool.peersurvey([
            "codebook", bundledPath("warmline-follow-up"), "--output", "/nonexistent/dir/codebook.md",
        ])
        #expect(unwritable.status == 74)
    }

    @Test func anInstrumentIdReadsTheStudysInstrument() throws {
        let study = try #require(SimulatedStudies.byInstrument["warmline-follow-up"])
        let byID = try CodebookTool.peersurvey(["codebook", "warmline-follow-up", "--db", study, "--format", "json"])
        #expect(byID.status == 0, "\(byID.stderr)")
        let byFile = try CodebookTool.peersurvey([
            "codebook", bundledPath("warmline-follow-up"), "--db", study, "--format", "json",
        ])
        #expect(byID.stdout == byFile.stdout)
    }
}
