import Foundation
import Testing

/// docs/architecture.md's module table is the dependency rule: every `import` in `Sources/` and
/// every target dependency in `Package.swift` must be allowed by it.
struct DependencyRuleTests {
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/",
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
        {
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    /// Modules any module may import.
    static let everywhere: Set<String> = ["Foundation", "Dispatch", "Glibc", "Darwin"]

    /// The table: module -> modules it may import.
    static func rule() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var rule: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4 else { continue }
            func names(_ cell: String) -> [String] {
                cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
            guard let module = names(cells[1]).first else { continue }
            rule[module] = Set(names(cells[3]))
        }
        return rule
    }

    /// The modules a source file imports (`import X`, `package import X`, `@testable import X`).
    static func imports(of file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        var found: Set<String> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let index = words.firstIndex(of: "import"), index <= 2,
                words[..<index].allSatisfy({ ["public", "package", "internal", "@testable"].contains($0) }),
                index + 1 < words.count
            else { continue }
            found.insert(String(words[index + 1].split(separator: ".").first ?? ""))
        }
        return found
    }

    @Test func theTableNamesEveryModule() throws {
        let rule = try Self.rule()
        let sources = root().appendingPathComponent("Sources")
        // System-library wrappers (CReadStat, CGLPK: a module map over a Debian header) are
        // dependencies, named in the "may import" column, not rows of their own.
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter {
            !$0.hasPrefix(".")
                && !FileManager.default.fileExists(
                    atPath: sources.appendingPathComponent($0).appendingPathComponent("module.modulemap").path)
        }
        #expect(Set(modules) == Set(rule.keys), "modules in Sources/ and docs/architecture.md differ")
    }

    @Test func everyImportIsAllowed() throws {
        let rule = try Self.rule()
        for (module, allowed) in rule {
            let folder = root().appendingPathComponent("Sources/\(module)")
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            #expect(!files.isEmpty, "no sources for \(module)")
            for file in files {
                for imported in try Self.imports(of: file) where !Self.everywhere.contains(imported) {
                    #expect(
                        allowed.contains(imported),
                        "\(module)/\(file.lastPathComponent) imports \(imported), which docs/architecture.md does not allow")
                }
            }
        }
    }

    @Test func packageDependenciesFollowTheTable() throws {
        let rule = try Self.rule()
        let manifest = try String(contentsOf: root().appendingPathComponent("Package.swift"), encoding: .utf8)
        for (module, allowed) in rule {
            guard let name = manifest.range(of: "[tT]arget\\(\\s*name: \"\(module)\"", options: .regularExpression) else {
                Issue.record("Package.swift has no target \(module)")
                continue
            }
            // The target's dependency list, up to its closing bracket.
            let rest = manifest[name.upperBound...]
            guard let open = rest.range(of: "dependencies: ["),
                rest[..<open.lowerBound].contains(".target") == false,
                rest[..<open.lowerBound].contains("name:") == false
            else { continue }
            var depth = 1
            var index = open.upperBound
            while depth > 0, index < rest.endIndex {
                if rest[index] == "[" { depth += 1 } else if rest[index] == "]" { depth -= 1 }
                index = rest.index(after: index)
            }
            let list = rest[open.upperBound..<index]
            var dependencies: [String] = []
            for match in list.matches(of: /\.product\(name: "([^"]+)"/) { dependencies.append(String(match.1)) }
            let withoutProducts = list.replacing(/\.product\([^)]*\)/, with: "")
            for match in withoutProducts.matches(of: /"([^"]+)"/) { dependencies.append(String(match.1)) }
            for dependency in dependencies {
                #expect(allowed.contains(dependency), "Package.swift lets \(module) depend on \(dependency)")
            }
        }
    }

    func root() -> URL { Self.root }
}

/// What only the store may know: how statuses, multiple choices and the log file are kept.
struct StorageFormatTests {
    /// Patterns that betray storage knowledge, and why.
    static let forbidden: [(pattern: String, why: String)] = [
        ("StoredStatus(rawValue", "a status read from its stored integer"),
        ("StoredStatus.allCases.firstIndex", "a status turned into its stored integer"),
        ("checkpoint(", "the write-ahead log managed from outside the store"),
        ("wal_checkpoint", "the write-ahead log managed from outside the store"),
        ("split(separator: \" \")", "a stored list of codes parsed outside the store"),
        ("AnswerCodec", "answers encoded outside the store"),
    ]

    @Test func theStorageFormatStaysInTheStore() throws {
        let sources = DependencyRuleTests.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/Sources/Store/") }
            ?? []
        #expect(files.count > 100)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (pattern, why) in Self.forbidden where text.contains(pattern) {
                Issue.record("\(file.path): \(why) (`\(pattern)`)")
            }
            // A status's stored integer: `.refused.rawValue`, `status.rawValue` of a StoredStatus.
            let statuses = /\.(answered|refused|dontKnow|notApplicable|notReached|notInVersion)\.rawValue/
            if text.contains(statuses) || text.contains("StoredStatus") && text.contains("status.rawValue") {
                Issue.record("\(file.path): a status turned into its stored integer")
            }
        }
    }
}
