import Foundation

/// Loads a study plan and the instrument of each wave, with every problem located: in the plan
/// (`studies/x.yaml:7:17: error: ...`) or, for an instrument with errors, at the wave that names
/// it (run `check` on the instrument for its own diagnostics).
public enum StudyPlanLoader {
    /// The outcome of loading a plan.
    public struct Result: Sendable {
        /// The plan's text.
        public var source: SourceFile?
        /// The plan, when it has no errors.
        public var plan: StudyPlan?
        /// Every problem found, sorted by location.
        public var diagnostics: [Diagnostic]

        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Whether a YAML file is a study plan rather than an instrument (its first key is `study:`).
    /// - Parameter text: The file's text.
    public static func isPlan(_ text: String) -> Bool {
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" { continue }
            return trimmed.hasPrefix("study:")
        }
        return false
    }

    /// Loads the plan at `path`, and each wave's instrument relative to it.
    /// - Parameter path: The plan file.
    /// - Returns: The plan and every diagnostic.
    /// - Throws: ``LoadError`` when the plan cannot be read at all.
    public static func load(path: String) throws(LoadError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return load(bytes: [UInt8](data), path: path) { relative, _ in
            let file = URL(fileURLWithPath: relative, relativeTo: folder).standardizedFileURL.path
            do {
                let loaded = try InstrumentLoader.load(path: file)
                guard let instrument = loaded.instrument, let source = loaded.source else {
                    let errors = loaded.diagnostics.filter { $0.severity == .error }.count
                    return .failure("it has \(errors) error\(errors == 1 ? "" : "s"); run `peersurvey check \(relative)`")
                }
                return .success((instrument, source.text))
            } catch {
                return .failure("it cannot be read (\(file))")
            }
        }
    }

    /// An instrument a wave names, loaded, with its YAML source.
    public typealias LoadedInstrument = (instrument: Instrument, source: String)

    /// Loads a plan from bytes, finding each wave's instrument with `instrument`.
    /// - Parameters:
    ///   - bytes: The plan's YAML.
    ///   - path: The path to name in diagnostics.
    ///   - instrument: Loads the instrument a wave names (its path as written, and the wave's
    ///     id), or says why it cannot.
    /// - Returns: The plan and every diagnostic.
    public static func load(
        bytes: [UInt8], path: String,
        instrument: (_ path: String, _ wave: String?) -> Swift.Result<LoadedInstrument, InstrumentProblem>
    ) -> Result {
        let read = YAMLReader.read(bytes, path: path)
        guard let source = read.source, let root = read.root else {
            return Result(source: read.source, plan: nil, diagnostics: read.diagnostics)
        }
        let decoder = PlanDecoder(source: source)
        let plan = decoder.decode(root, instrument: instrument)
        let diagnostics = decoder.diagnostics
        return Result(source: source, plan: diagnostics.hasErrors ? nil : plan, diagnostics: diagnostics.sorted)
    }

    /// Why a wave's instrument could not be used: a sentence.
    public struct InstrumentProblem: Error, Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
        /// The sentence.
        public var message: String
        /// Creates a problem.
        public init(stringLiteral value: String) { message = value }
        /// Creates a problem.
        public init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
    }
}
