import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// Hostile and wrong inputs get a located error within a second, exit 65, and no crash.
@Suite(.serialized)
struct HostileInputTests {
    /// Runs an import that must fail fast with a located message.
    func refused(_ format: String, _ input: String, contains expected: String) throws {
        let start = Date()
        let imported = try Imported.run(format, input)
        let seconds = Date().timeIntervalSince(start)
        #expect(imported.output.status == 65, "\(imported.output.stdout)\(imported.output.stderr)")
        #expect(imported.output.stderr.contains(expected), "\(imported.output.stderr)")
        #expect(imported.output.stderr.contains(": error: "))
        #expect(seconds < 1.0, "took \(seconds) s")
        #expect(imported.files.isEmpty)
    }

    @Test func aCSVWithAnUnclosedQuoteIsLocated() throws {
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write(
            ImportFixtures.redcapHeader
                + "record_id,f,,text,\"Record ID\",,,,,,,,,,,,,\nage,f,,text,\"How old,,,integer,,,,,,,,,,\n",
            "dictionary.csv", in: folder)
        try refused("redcap", path, contains: "dictionary.csv:3:13: error: this quoted field is never closed")
    }

    @Test func aStrayQuoteIsLocated() throws {
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write(
            ImportFixtures.redcapHeader + "record_id,f,,text,Record \"ID\",,,,,,,,,,,,,\n", "dictionary.csv", in: folder
        )
        try refused("redcap", path, contains: "dictionary.csv:2:26: error: a quote inside a field")
    }

    @Test func aCSVThatIsNotADictionaryIsRefused() throws {
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write("name,age\nJo,4\n", "people.csv", in: folder)
        try refused("redcap", path, contains: "people.csv:1: error: this is not a REDCap data dictionary")
    }

    @Test func aFiftyMegabyteWorkbookIsRefusedUnread() throws {
        let folder = try ImportFixtures.scratch()
        let url = folder.appendingPathComponent("huge.xlsx")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        try refused("xlsform", url.path, contains: "huge.xlsx: error: the workbook is 50 MB")
    }

    /// Writes a ZIP with Python's zipfile (zlib, fast) holding `xl/workbook.xml` of `megabytes`
    /// of zeros; with `declare`, the entry's headers then claim that many bytes instead.
    func zip(_ name: String, megabytes: Int, declare: Int? = nil) throws -> String {
        let path = try ImportFixtures.scratch().appendingPathComponent(name).path
        let script = """
            import struct, sys, zipfile
            path, size, declared = sys.argv[1], int(sys.argv[2]) << 20, int(sys.argv[3])
            with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
                with z.open('xl/workbook.xml', 'w', force_zip64=False) as f:
                    chunk = bytes(1 << 20)
                    for _ in range(size >> 20): f.write(chunk)
            if declared >= 0:
                data = bytearray(open(path, 'rb').read())
                struct.pack_into('<I', data, 22, declared)
                central = data.rfind(b'PK\\x01\\x02')
                struct.pack_into('<I', data, central + 24, declared)
                open(path, 'wb').write(bytes(data))
            """
        let made = try Program.run(
            "/usr/bin/env", ["python3", "-c", script, path, String(megabytes), String(declare ?? -1)])
        try #require(made.status == 0, "python3 could not write the zip: \(made.stderr)")
        return path
    }

    @Test func aZipBombIsRefusedBeforeInflating() throws {
        try refused(
            "xlsform", try zip("bomb.xlsx", megabytes: 100),
            contains: "bomb.xlsx:xl/workbook.xml: error: the entry would inflate to 100 MB")
    }

    @Test func aDenseZipBombUnderTheSizeLimitIsRefusedByItsRatio() throws {
        try refused(
            "xlsform", try zip("dense.xlsx", megabytes: 40),
            contains: "dense.xlsx:xl/workbook.xml: error: the entry is compressed")
    }

    @Test func anEntryThatInflatesPastItsDeclaredSizeIsStopped() throws {
        try refused(
            "xlsform", try zip("liar.xlsx", megabytes: 8, declare: 1000),
            contains: "liar.xlsx:xl/workbook.xml: error: the entry inflates past the size its header declares")
    }

    @Test func aFormulaInACellIsLocated() throws {
        let folder = try ImportFixtures.scratch()
        let url = folder.appendingPathComponent("formula.xlsx")
        try XLSXWriter.write(
            [
                (
                    "survey",
                    [
                        ["type", "name", "label"], ["integer", "age", "How old are you?"],
                        ["text", "x", "HYPERLINK(\"http://example.org\")"],
                    ]
                )
            ],
            formulaCell: "survey!C3", to: url)
        try refused("xlsform", url.path, contains: "formula.xlsx:survey!C3: error: the cell holds a formula")
    }

    @Test func aWorkbookThatIsNotAnXLSFormIsRefused() throws {
        let folder = try ImportFixtures.scratch()
        let url = folder.appendingPathComponent("budget.xlsx")
        try XLSXWriter.write([("Sheet1", [["item", "cost"], ["tea", "3"]])], to: url)
        try refused(
            "xlsform", url.path,
            contains: "budget.xlsx: error: this workbook is not an XLSForm: it has no `survey` sheet")
    }

    @Test func aFileThatIsNotAWorkbookIsRefused() throws {
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write("type,name\n", "form.xlsx", in: folder)
        try refused("xlsform", path, contains: "form.xlsx: error: this is not an .xlsx workbook")
    }

    /// An activity folder with a schema whose order names `reference`.
    func activity(_ reference: String) throws -> URL {
        let folder = try ImportFixtures.scratch().appendingPathComponent("activity")
        try ImportFixtures.write(
            """
            {"id": "a_schema", "category": "Activity", "prefLabel": {"en": "A"},
             "ui": {"order": ["\(reference)"], "addProperties": [{"isAbout": "\(reference)", "variableName": "q1", "isVis": true}]}}
            """, "a_schema", in: folder)
        try ImportFixtures.write(
            """
            {"id": "q1", "category": "Item", "question": {"en": "How are you?"}, "ui": {"inputType": "text"}}
            """, "items/q1", in: folder)
        return folder
    }

    @Test func anItemOutsideTheActivityFolderIsRefused() throws {
        let folder = try activity("../../../../../etc/passwd")
        try refused(
            "reproschema", folder.path,
            contains:
                "activity/a_schema#/ui/order/0: error: `../../../../../etc/passwd` points outside the activity folder")
    }

    @Test func anItemOnTheWebIsRefused() throws {
        let folder = try activity("https://example.org/items/q1")
        try refused("reproschema", folder.path, contains: "is a web address")
    }

    @Test func aSymbolicLinkOutOfTheFolderIsRefused() throws {
        let folder = try activity("items/link")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("items/link").path, withDestinationPath: "/etc/hostname")
        try refused("reproschema", folder.path, contains: "points outside the activity folder")
    }

    @Test func aFolderThatIsNotAnActivityIsRefused() throws {
        let folder = try ImportFixtures.scratch()
        try ImportFixtures.write("{\"id\": \"x\"}", "notes.json", in: folder)
        try refused("reproschema", folder.path, contains: "this folder is not a ReproSchema activity")
    }

    @Test func anActivityWithAnInsideItemImports() throws {
        let folder = try activity("items/q1")
        let imported = try Imported.run("reproschema", folder.path)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        #expect(imported.files.map(\.lastPathComponent) == ["a.yaml"])
    }
}
