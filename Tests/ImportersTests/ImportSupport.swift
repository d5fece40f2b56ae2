import Foundation
import Instrument
import TestSupport
import Testing
import ZIPFoundation

/// The public definitions the importers are tested on (`../shared/fixtures/import`, beside the
/// repository as CI lays it out), and helpers to make inputs of our own.
enum ImportFixtures {
    /// The fixtures folder.
    static let folder = Program.root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/import")

    /// A fixture's path, failing the test when the folder is not there.
    static func path(_ relative: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        try #require(
            FileManager.default.fileExists(atPath: url.path),
            "\(url.path) is missing: the import fixtures live in ../shared/fixtures/import beside the repository")
        return url.path
    }

    /// A scratch folder for one test.
    static func scratch() throws -> URL { try TestFiles("peersurvey-import-tests").directory() }

    /// Writes text to a file in a folder and returns its path.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The REDCap dictionary header row.
    static let redcapHeader =
        "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\",Identifier?,\"Branching Logic (Show field only if...)\",\"Required Field?\",\"Custom Alignment\",\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"\n"

    /// Runs the built binary.
    static func peersurvey(_ arguments: [String], timeout: TimeInterval = 120) throws -> Program.Output {
        try Program.run(try Program.requirePeersurvey(), arguments, timeout: timeout)
    }
}

/// Writes small .xlsx workbooks for tests: each sheet a list of rows of strings (inline strings,
/// so no shared-string table), optionally with a formula in one cell.
enum XLSXWriter {
    /// Writes a workbook.
    /// - Parameters:
    ///   - sheets: Sheet names and their rows.
    ///   - formulaCell: A cell reference (`sheet!B2`) to write as a formula.
    ///   - url: Where.
    static func write(_ sheets: [(String, [[String]])], formulaCell: String? = nil, to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add(
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        var workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets>"
        var relations =
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            relations +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            var xml = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(ns)\"><sheetData>"
            for (r, row) in sheet.1.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, value) in row.enumerated() where !value.isEmpty {
                    let reference = "\(Character(UnicodeScalar(UInt8(65 + c))))\(r + 1)"
                    if formulaCell == "\(sheet.0)!\(reference)" {
                        xml += "<c r=\"\(reference)\" t=\"str\"><f>\(escape(value))</f><v>x</v></c>"
                    } else {
                        xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            try add("xl/worksheets/sheet\(index + 1).xml", xml)
        }
        try add("xl/workbook.xml", workbook + "</sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", relations + "</Relationships>")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The instruments an import wrote, loaded.
struct Imported {
    var directory: URL
    var output: Program.Output

    /// Every instrument file written.
    var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".yaml") }.map { directory.appendingPathComponent($0) }
    }

    /// An instrument, loaded and checked.
    func instrument(_ file: URL) throws -> Instrument {
        let result = try InstrumentLoader.load(path: file.path)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        return try #require(result.instrument, "\(file.lastPathComponent) does not check: \(errors)")
    }

    /// Runs `peersurvey import`.
    static func run(_ format: String, _ input: String, extra: [String] = []) throws -> Imported {
        let out = try ImportFixtures.scratch().appendingPathComponent("out")
        let output = try ImportFixtures.peersurvey(
            ["import", format, input, "--out", out.path, "--today", "2026-06-01"] + extra)
        return Imported(directory: out, output: output)
    }
}
