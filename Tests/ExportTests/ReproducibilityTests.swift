import Foundation
import Testing

/// Two exports of the same database are byte-identical, apart from the one timestamp field that
/// export.json names.
struct ReproducibilityTests {
    static func expectIdentical(_ first: MadeExport, _ second: MadeExport) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: first.directory.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: second.directory.path).sorted() == names)
        for name in names where name != "export.json" {
            #expect(try first.data(name) == second.data(name), "\(name) differs between two exports")
        }
        var one = try first.report()
        var two = try second.report()
        #expect(one["timestamp_field"] as? String == "exported_at")
        #expect(one["exported_at"] is String && two["exported_at"] is String)
        one["exported_at"] = nil
        two["exported_at"] = nil
        let canonical = { (object: [String: Any]) in
            try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        #expect(try canonical(one) == canonical(two), "export.json differs beyond exported_at")
        // Line by line, only the timestamp's line may differ.
        let lines = zip(
            try first.text("export.json").split(separator: "\n"), try second.text("export.json").split(separator: "\n"))
        for (left, right) in lines where left != right {
            #expect(left.contains("\"exported_at\""), "export.json: \(left) / \(right)")
        }
        // export.json lists every other file with its SHA-256.
        let files = try #require(one["files"] as? [String: String])
        #expect(Set(files.keys) == Set(names.filter { $0 != "export.json" }))
    }

    @Test func twoExportsOfASimulatedStudyAreIdentical() throws {
        let first = try Exports.of("warmline-follow-up")
        try Self.expectIdentical(first, try Exports.make(first.database))
    }

    @Test func twoExportsWithHostileFreeTextAreIdentical() throws {
        let first = try #require(HandMadeStudy.withText)
        try Self.expectIdentical(first, try Exports.make(first.database, ["--include-text"]))
    }

    @Test func theHashesInExportJSONAreTheFilesHashes() throws {
        let export = try Exports.of("peer-support-experience")
        let files = try #require(try export.report()["files"] as? [String: String])
        try ExportTools.require("sha256sum")
        for (name, hash) in files {
            let result = try CodebookTool.run("/usr/bin/env", ["sha256sum", export.url(name).path])
            #expect(result.stdout.hasPrefix(hash + " "), "\(name)")
        }
    }
}
