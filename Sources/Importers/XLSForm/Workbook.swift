import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The sheets of an .xlsx workbook, read with ZIPFoundation and Foundation's XML parser. The
/// container is treated as hostile: the file's size, each entry's declared size and compression
/// ratio are checked before anything is inflated, inflation stops at the declared size, and XML
/// with a document type (entity tricks) or cells holding formulas are refused, each with a
/// located message.
struct Workbook {
    /// One cell's value, with its reference (`B7`).
    struct Cell: Sendable {
        var column: Int
        var reference: String
        var value: String
    }

    /// One row of a sheet.
    struct Row: Sendable {
        var number: Int
        var cells: [Cell]

        /// The value in a column, empty when there is none.
        func value(_ column: Int?) -> String {
            guard let column else { return "" }
            return cells.first { $0.column == column }?.value ?? ""
        }
    }

    /// The file name, for locations.
    let name: String
    /// The sheets by name (as written) in workbook order.
    private(set) var sheetNames: [String] = []
    private var sheetPaths: [String: String] = [:]
    private let archive: Archive
    private var sharedStrings: [String] = []
    private var inflated = 0

    /// The largest workbook read: far beyond any real form.
    static let maximumFileBytes = 20 << 20
    /// The largest entry inflated.
    static let maximumEntryBytes = 64 << 20
    /// The most all entries read may inflate to.
    static let maximumTotalBytes = 160 << 20
    /// The highest compression ratio accepted for an entry over 1 MB (XML compresses about 30:1;
    /// a zip bomb, about 1000:1).
    static let maximumRatio: UInt64 = 200

    /// Opens a workbook.
    /// - Throws: ``ImportError`` when it cannot be read, is too large, is not a ZIP container or
    ///   not a workbook.
    init(path: String) throws(ImportError) {
        name = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .unreadable(path: path, reason: "it is a folder; give the .xlsx file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.maximumFileBytes else {
            throw .invalid(
                location: name,
                message:
                    "the workbook is \(size >> 20) MB, larger than the \(Self.maximumFileBytes >> 20) MB an XLSForm could need; refused unread"
            )
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .invalid(
                location: name,
                message:
                    "this is not an .xlsx workbook (not a ZIP container); save the form from Excel or LibreOffice as .xlsx"
            )
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > 10_000 {
                throw .invalid(location: name, message: "the workbook holds more than 10,000 files; refused")
            }
        }
        guard let workbook = try entryText("xl/workbook.xml", required: false) else {
            throw .invalid(location: name, message: "this ZIP file is not an .xlsx workbook: it has no xl/workbook.xml")
        }
        let relations = try entryText("xl/_rels/workbook.xml.rels", required: true) ?? ""
        let targets = Dictionary(
            XMLElements.collect(relations, element: "Relationship").compactMap { attributes -> (String, String)? in
                guard let id = attributes["Id"], let target = attributes["Target"] else { return nil }
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                return (id, path)
            }, uniquingKeysWith: { first, _ in first })
        for sheet in XMLElements.collect(workbook, element: "sheet") {
            guard let sheetName = sheet["name"], let id = sheet["r:id"], let target = targets[id] else { continue }
            sheetNames.append(sheetName)
            sheetPaths[sheetName] = target
        }
        if let strings = try entryText("xl/sharedStrings.xml", required: false) {
            sharedStrings = SharedStringsParser.parse(strings)
        }
    }

    /// The name of the sheet called `wanted`, ignoring case.
    func sheet(named wanted: String) -> String? { sheetNames.first { $0.lowercased() == wanted } }

    /// The rows of a sheet.
    /// - Throws: ``ImportError`` for a formula in a cell (located) or an unreadable sheet.
    mutating func rows(of sheet: String) throws(ImportError) -> [Row] {
        guard let path = sheetPaths[sheet], let text = try entryText(path, required: true) else { return [] }
        let parser = SheetParser(sharedStrings: sharedStrings)
        let rows = parser.parse(text)
        if let formula = parser.formula {
            throw .invalid(
                location: "\(name):\(sheet)!\(formula)",
                message:
                    "the cell holds a formula; an XLSForm is read as written, so replace the formula by its value (paste as values)"
            )
        }
        if parser.failed { throw .invalid(location: "\(name):\(sheet)", message: "the sheet's XML could not be read") }
        return rows
    }

    /// The UTF-8 text of an entry, checked before and while it is inflated.
    private mutating func entryText(_ path: String, required: Bool) throws(ImportError) -> String? {
        guard let entry = archive[path] else {
            if required {
                throw .invalid(
                    location: name, message: "the workbook lacks \(path); it is damaged or not an .xlsx file")
            }
            return nil
        }
        let declared = entry.uncompressedSize, packed = max(entry.compressedSize, 1)
        guard declared <= UInt64(Self.maximumEntryBytes), inflated + Int(declared) <= Self.maximumTotalBytes else {
            throw .invalid(
                location: "\(name):\(path)",
                message:
                    "the entry would inflate to \(declared >> 20) MB, more than any form needs; refused before inflating (a zip bomb?)"
            )
        }
        guard declared < 1 << 20 || declared / packed <= Self.maximumRatio else {
            throw .invalid(
                location: "\(name):\(path)",
                message:
                    "the entry is compressed \(declared / packed) to 1, more than real sheets are; refused before inflating (a zip bomb?)"
            )
        }
        var data = Data()
        let limit = Int(declared)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limit { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw .invalid(
                location: "\(name):\(path)",
                message: data.count > limit
                    ? "the entry inflates past the size its header declares; refused (a zip bomb?)"
                    : "the entry could not be inflated; the workbook is damaged")
        }
        inflated += data.count
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(location: "\(name):\(path)", message: "the entry is not UTF-8 XML; the workbook is damaged")
        }
        if text.range(of: "<!DOCTYPE", options: [.caseInsensitive]) != nil {
            throw .invalid(
                location: "\(name):\(path)",
                message: "the entry declares a document type, which .xlsx files never do; refused")
        }
        return text
    }
}
