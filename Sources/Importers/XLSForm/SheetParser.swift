import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the cells of one worksheet (`<row>`, `<c r= t=>`, `<v>`, `<is><t>`, `<f>`).
final class SheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private var rows: [Workbook.Row] = []
    private var cells: [Workbook.Cell] = []
    private var rowNumber = 0
    private var reference = ""
    private var type = ""
    private var text = ""
    private var value: String?
    private var collecting = false
    private var inInline = false
    /// The first cell holding a formula, if any.
    private(set) var formula: String?
    /// Whether the XML did not parse.
    private(set) var failed = false

    init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    /// The rows with at least one non-empty cell.
    func parse(_ xml: String) -> [Workbook.Row] {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        if !parser.parse() { failed = true }
        return rows
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "row":
            rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
            cells = []
        case "c":
            reference = attributes["r"] ?? ""
            type = attributes["t"] ?? "n"
            value = nil
        case "v":
            collecting = true
            text = ""
        case "is":
            inInline = true
            text = ""
        case "t" where inInline:
            collecting = true
        case "f":
            if formula == nil { formula = reference }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v":
            collecting = false
            switch type {
            case "s": value = Int(text).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
            case "b": value = text == "1" ? "TRUE" : "FALSE"
            case "e": value = ""
            default:
                value = text
                if let number = Double(text), number == number.rounded(), abs(number) < 1e15 {
                    value = String(Int(number))
                }
            }
        case "t" where inInline:
            collecting = false
        case "is":
            inInline = false
            value = text
        case "c":
            if let value, !value.isEmpty {
                cells.append(Workbook.Cell(column: Self.column(of: reference), reference: reference, value: value))
            }
        case "row":
            if !cells.isEmpty { rows.append(Workbook.Row(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// `B7` → 1 (0-based column).
    static func column(of reference: String) -> Int {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            number = number * 26 + Int(scalar.value) - 64
        }
        return number - 1
    }
}

/// Reads `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic hints left out.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func parse(_ xml: String) -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// The attributes of every element with a given name (workbook.xml's sheets, the relationships).
final class XMLElements: NSObject, XMLParserDelegate {
    private let element: String
    private var found: [[String: String]] = []

    private init(element: String) { self.element = element }

    static func collect(_ xml: String, element: String) -> [[String: String]] {
        let delegate = XMLElements(element: element)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        return delegate.found
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}
