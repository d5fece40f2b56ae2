import Foundation

/// Loads an instrument from YAML through every stage (read, decode, check) and returns it with
/// every diagnostic found. The entry point of the `Instrument` module.
public enum InstrumentLoader {
    /// The outcome of loading one file.
    public struct Result: Sendable {
        /// The file's text, for quoting lines in diagnostics (absent if it could not be decoded).
        public var source: SourceFile?
        /// The instrument, when it has no errors.
        public var instrument: Instrument?
        /// Every problem found, sorted by location.
        public var diagnostics: [Diagnostic]

        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Loads the instrument at `path`.
    /// - Parameter path: A file path.
    /// - Returns: The instrument, or the diagnostics that explain why there is none.
    /// - Throws: ``LoadError/unreadable(path:reason:)`` when the file cannot be read at all.
    public static func load(path: String) throws(LoadError) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit, so a huge file is refused without reading it all.
        let limit = YAMLReader.Limits().maximumBytes
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(path: path, reason: "it could not be read")
        }
        var bytes = [UInt8](data)
        if bytes.count > limit, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            bytes = [UInt8](repeating: 0x20, count: size)  // Only the size matters for the message.
        }
        return load(bytes: bytes, path: path)
    }

    /// Loads an instrument from bytes.
    /// - Parameters:
    ///   - bytes: The YAML file's contents.
    ///   - path: The path to name in diagnostics.
    /// - Returns: The instrument (when there are no errors) and every diagnostic.
    public static func load(bytes: [UInt8], path: String) -> Result {
        let read = YAMLReader.read(bytes, path: path)
        guard let source = read.source, let root = read.root else {
            return Result(source: read.source, instrument: nil, diagnostics: read.diagnostics)
        }
        let decoder = InstrumentDecoder(source: source)
        guard let decoded = decoder.decode(root) else {
            return Result(source: source, instrument: nil, diagnostics: decoder.diagnostics.sorted)
        }
        let checker = InstrumentChecker(
            instrument: decoded, source: source, diagnostics: decoder.diagnostics, speller: decoder.speller)
        checker.run(rawTests: decoder.rawTests)
        let diagnostics = checker.diagnostics
        return Result(
            source: source, instrument: diagnostics.hasErrors ? nil : checker.instrument, diagnostics: diagnostics.sorted)
    }

    /// Loads an instrument from text (for tests and tools).
    public static func load(text: String, path: String = "instrument.yaml") -> Result {
        load(bytes: Array(text.utf8), path: path)
    }
}

/// A file that cannot be read at all (as opposed to one with mistakes in it).
public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing, a folder, or not readable.
    case unreadable(path: String, reason: String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): error: cannot read the file: \(reason)"
        }
    }
}
