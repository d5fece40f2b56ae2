import Foundation
import Instrument

/// The repository's root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled instruments.
let bundledInstruments: [String] = ["peer-support-experience", "warmline-follow-up", "recovery-college-outcomes"]
    .map { repositoryRoot.appendingPathComponent("instruments/\($0).yaml").path }

/// Loads YAML text as `test.yaml`.
func load(_ yaml: String) -> InstrumentLoader.Result { InstrumentLoader.load(text: yaml, path: "test.yaml") }

/// The errors of a load, as `line:column message`.
func errors(_ result: InstrumentLoader.Result) -> [String] {
    result.diagnostics.filter { $0.severity == .error }.map {
        "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)"
    }
}

/// A minimal valid instrument around some questions (indented for `questions:`).
func instrument(_ questions: String, extra: String = "") -> String {
    """
    instrument: t
    version: 1
    title: T
    consent:
      text: Hello.
      statements: [I agree.]
    support:
      text: Help is there.
    \(extra)
    sections:
      - id: s
        title: S
        questions:
    \(questions)
    """
}
