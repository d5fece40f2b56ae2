import Foundation
import Testing

/// The machine-readable codebooks of real exports pass their validators: `frictionless validate`
/// for datapackage.json (which reads the CSV against the schema) and `xmllint` with the DDI
/// Codebook 2.5 schema.
struct DataPackageTests {
    /// The exports to validate: each bundled instrument, and hostile free text.
    static let exports = bundledInstruments + ["hostile-text"]

    static func export(_ id: String) throws -> MadeExport {
        id == "hostile-text" ? try #require(HandMadeStudy.withText) : try Exports.of(id)
    }

    @Test(arguments: exports)
    func frictionlessValidatesTheDataPackageAndTheCSVAgainstIt(_ id: String) throws {
        let export = try Self.export(id)
        try ExportTools.requirePython("frictionless")
        let result = try CodebookTool.run(
            "/bin/sh",
            [
                "-c", "cd \"$1\" && python3 -m frictionless validate --json datapackage.json", "sh",
                export.directory.path,
            ])
        let report = try jsonObject(result.stdout)
        #expect(report["valid"] as? Bool == true, "\(result.stdout.prefix(3000))")
        #expect(result.status == 0)
        // The package describes the CSV's columns in order.
        let package = try jsonObject(try export.text("datapackage.json"))
        let resource = try #require((package["resources"] as? [[String: Any]])?.first)
        let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == (try export.csvRows("\(id).csv"))[0])
        #expect(resource["path"] as? String == "\(id).csv")
    }

    @Test(arguments: exports)
    func xmllintValidatesTheDDICodebook(_ id: String) throws {
        let export = try Self.export(id)
        try ExportTools.require("xmllint")
        let result = try CodebookTool.tool(
            "xmllint", ["--nonet", "--noout", "--schema", CodebookTool.ddiSchema, export.url("\(id)-ddi.xml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("validates"))
        // One variable per column of the CSV.
        let xml = try export.text("\(id)-ddi.xml")
        let columns = try export.csvRows("\(id).csv")[0]
        #expect(xml.components(separatedBy: "<var ").count - 1 == columns.count)
    }
}
