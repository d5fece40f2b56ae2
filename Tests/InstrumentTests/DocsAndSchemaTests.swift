import Foundation
import Testing
@testable import Instrument

/// The documentation and the JSON Schema describe everything the loader accepts.
struct DocsAndSchemaTests {
    @Test func everyKeyTheLoaderAcceptsIsDocumented() throws {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/instrument-format.md"), encoding: .utf8)
        var missing: [String] = []
        for shape in Shapes.all {
            for key in shape.keyNames where !doc.contains("`\(key)`") { missing.append("\(shape.name).\(key)") }
        }
        for type in Shapes.questionTypes where !doc.contains("`\(type)`") { missing.append("type \(type)") }
        #expect(missing.isEmpty, "undocumented: \(missing)")
    }

    @Test func theExpressionFunctionsAreDocumented() throws {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/expressions.md"), encoding: .utf8)
        for word in ["answered(", "count(", "has", "today()", "and", "or", "not"] {
            #expect(doc.contains(word), "docs/expressions.md does not mention \(word)")
        }
    }

    /// Validates every bundled instrument against `peersurvey schema` with Python's jsonschema,
    /// reading YAML as 1.2 does, like Yams: PyYAML alone would turn `yes`, `no`, `on` and `off`
    /// into booleans and dates into date objects.
    @Test func everyBundledInstrumentValidatesAgainstTheSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaPath = directory.appendingPathComponent("schema.json").path
        try JSONSchema.document().write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let script = """
            import json, re, sys
            try:
                import jsonschema, yaml
            except ImportError as error:
                print("MISSING", error); sys.exit(3)
            class Loader(yaml.SafeLoader):
                pass
            Loader.yaml_implicit_resolvers = {
                key: [(tag, regexp) for tag, regexp in resolvers
                      if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
                for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            Loader.add_implicit_resolver(
                "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                for error in validator.iter_errors(yaml.load(open(path), Loader=Loader)):
                    bad += 1
                    print(path, list(error.absolute_path), error.message[:200])
            # A broken instrument must fail, or the schema accepts anything.
            if not list(validator.iter_errors({"instrument": "x", "version": "one", "lables": 1})):
                print("the schema accepted a broken instrument"); bad += 1
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath] + bundledInstruments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with jsonschema and pyyaml (installed by scripts/setup.sh): \(output)")
    }
}

/// Study plans: every key is documented in docs/studies.md, durations and dates add up, and
/// mistakes are located.
struct StudyPlanTests {
    @Test func everyPlanKeyIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/studies.md"), encoding: .utf8)
        for shape in PlanShapes.all {
            for key in shape.keyNames { #expect(doc.contains("`\(key)`"), "\(shape.name).\(key) is not in docs/studies.md") }
        }
    }

    @Test func durationsAddCalendarMonths() throws {
        let day = try #require(Day(year: 2026, month: 1, day: 31))
        #expect(PlanDuration("1 month")?.added(to: day) == Day(year: 2026, month: 2, day: 28))
        #expect(PlanDuration("12 weeks")?.added(to: day) == Day(ordinal: day.ordinal + 84))
        #expect(PlanDuration("3 days")?.added(to: day, sign: -1) == Day(year: 2026, month: 1, day: 28))
        #expect(PlanDuration("2 fortnights") == nil && PlanDuration("-1 weeks") == nil)
        #expect(PlanDuration("1 week")?.description == "1 week")
    }

    @Test func mistakesAreLocated() {
        let yaml = """
            study: s
            title: S
            waves:
              - id: a
                instrument: first.yaml
                due: 2 weeks after a
              - id: b
                instrument: second.yaml
                due: 3 weeks after baselin
            """
        let text = """
            instrument: x
            version: 1
            title: X
            sections:
              - id: s
                title: S
                questions:
                  - {id: q, type: integer, text: Q?}
            """
        let instrument = InstrumentLoader.load(text: text).instrument!
        let result = StudyPlanLoader.load(bytes: Array(yaml.utf8), path: "plan.yaml") { _, _ in .success((instrument, text)) }
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [6, 9], "\(errors.map(\.message))")
        #expect(errors.first?.message.contains("first wave") == true)
        #expect(errors.last?.message.contains("did you mean `a`") == true || errors.last?.message.contains("baselin") == true)
    }
}
