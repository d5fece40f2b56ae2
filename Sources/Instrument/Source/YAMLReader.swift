import Foundation
import Yams

/// Reads the bytes of a YAML file into a ``YAMLNode`` tree, refusing hostile input with a located
/// diagnostic: files too large, bytes that are not UTF-8, malformed YAML, duplicate keys, alias
/// bombs and nesting too deep. The only place in the project that touches Yams.
public enum YAMLReader {
    /// Limits that protect the program from hostile files.
    public struct Limits: Sendable {
        /// The largest file accepted, in bytes.
        public var maximumBytes = 4 * 1024 * 1024
        /// The most nodes the tree may have, counting every use of an alias in full.
        public var maximumNodes = 1_000_000
        /// The deepest nesting accepted (libyaml stops at 1,000 on its own).
        public var maximumDepth = 1_000

        /// The default limits.
        public init() {}
    }

    /// The outcome of reading: the tree if there was one, and the decoded file for quoting lines.
    public struct Result: Sendable {
        /// The decoded text, when the bytes were valid UTF-8.
        public var source: SourceFile?
        /// The root node, when the YAML was well formed.
        public var root: YAMLNode?
        /// What went wrong; empty on success.
        public var diagnostics: [Diagnostic]
    }

    /// Reads one YAML document.
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - path: The path to name in diagnostics.
    ///   - limits: The limits to enforce.
    /// - Returns: The tree or the diagnostics that explain why there is none.
    public static func read(_ bytes: [UInt8], path: String, limits: Limits = Limits()) -> Result {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if bytes.count > limits.maximumBytes {
            let size = String(format: "%.1f", Double(bytes.count) / 1_048_576)
            return Result(diagnostics: [
                .error(
                    "the file is \(size) MB; an instrument may be at most \(limits.maximumBytes / 1_048_576) MB",
                    at: start)
            ])
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return Result(diagnostics: [invalidUTF8(Array(body), path: path)])
        }
        let source = SourceFile(path: path, text: text)
        if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            return Result(
                source: source,
                diagnostics: [.error("the file is empty; an instrument starts with `instrument: <id>`", at: start)])
        }
        // Yams composes recursively; a thread with a large stack makes 1,000 levels of nesting safe
        // wherever the caller runs (test runners use small stacks).
        let (root, diagnostics) = onLargeStack { compose(source, limits: limits) }
        return Result(source: source, root: root, diagnostics: diagnostics)
    }

    private static func compose(_ source: SourceFile, limits: Limits) -> (YAMLNode?, [Diagnostic]) {
        do {
            try EventScan(limits: limits).scan(source.text)
        } catch let refusal as EventScan.Refusal {
            let location = SourceLocation(file: source.path, line: refusal.line, column: refusal.column)
            return (nil, [.error(refusal.message, at: location)])
        } catch {}
        let node: Node?
        do {
            node = try Yams.compose(yaml: source.text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, in: source)])
        } catch {
            return (nil, [.error("the file could not be read as YAML", at: source.location(ofOffset: 0))])
        }
        guard let node else {
            return (nil, [.error("the file holds no YAML document; an instrument starts with `instrument: <id>`",
                                 at: source.location(ofOffset: 0))])
        }
        var converter = Converter(path: source.path, limits: limits)
        do {
            return (try converter.convert(node, depth: 0), [])
        } catch let failure as Converter.Failure {
            return (nil, [failure.diagnostic])
        } catch {
            return (nil, [.error("the file could not be read as YAML", at: source.location(ofOffset: 0))])
        }
    }

    /// Turns Yams nodes into ``YAMLNode``s, counting every node (aliases in full) and the depth.
    private struct Converter {
        struct Failure: Error { var diagnostic: Diagnostic }
        let path: String
        let limits: Limits
        var count = 0

        init(path: String, limits: Limits) {
            self.path = path
            self.limits = limits
        }

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node, depth: Int) throws -> YAMLNode {
            count += 1
            let here = location(node.mark)
            if count > limits.maximumNodes {
                throw Failure(diagnostic: .error(
                    "the file expands to more than \(limits.maximumNodes.formatted) YAML nodes, counting each use of an alias; an alias that repeats a large part of the file (an \"alias bomb\") is refused",
                    at: here))
            }
            if depth > limits.maximumDepth {
                throw Failure(diagnostic: .error(
                    "the YAML is nested more than \(limits.maximumDepth) levels deep", at: here))
            }
            switch node {
            case .scalar(let scalar):
                return YAMLNode(kind: .scalar(scalar.string, style(scalar.style)), location: here)
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return YAMLNode(kind: .sequence(items), location: here)
            case .mapping(let mapping):
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                for (key, value) in mapping {
                    let convertedKey = try convert(key, depth: depth + 1)
                    guard convertedKey.scalar != nil else {
                        throw Failure(diagnostic: .error(
                            "a key must be a single word or text, not \(convertedKey.kindDescription)",
                            at: convertedKey.location))
                    }
                    pairs.append((convertedKey, try convert(value, depth: depth + 1)))
                }
                return YAMLNode(kind: .mapping(pairs), location: here)
            case .alias:
                throw Failure(diagnostic: .error("an alias could not be resolved", at: here))
            }
        }

        func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
            switch style {
            case .singleQuoted: return .singleQuoted
            case .doubleQuoted: return .doubleQuoted
            case .literal: return .literal
            case .folded: return .folded
            case .plain, .any: return .plain
            }
        }
    }
}

extension Int {
    /// `1,000,000`: digits grouped in threes, the same in every locale.
    var formatted: String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}

/// Holds a result across threads; written once before a semaphore is signalled.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    init() {}
}

/// Runs `work` on a thread with a 64 MB stack and waits for it.
func onLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = work()
        done.signal()
    }
    thread.stackSize = 64 << 20
    thread.start()
    done.wait()
    return box.value!
}
