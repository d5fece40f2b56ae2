import Foundation

/// One row of a REDCap data dictionary: the 18 columns REDCap exports, by meaning.
struct RedcapField: Sendable {
    var line: Int
    var name: String
    var form: String
    var sectionHeader: String
    var type: String
    var label: String
    var choices: String
    var note: String
    var validation: String
    var minimum: String
    var maximum: String
    var identifier: Bool
    var branching: String
    var required: Bool
    var matrixGroup: String
    var matrixRanking: Bool
    var annotation: String

    /// The column names REDCap writes (the export's and the API's), normalised to letters and
    /// digits, for recognising a dictionary by its first row.
    static let headers: [[String]] = [
        ["variablefieldname", "fieldname"], ["formname"], ["sectionheader"], ["fieldtype"], ["fieldlabel"],
        ["choicescalculationsorsliderlabels", "selectchoicesorcalculations"], ["fieldnote"],
        ["textvalidationtypeorshowslidernumber"], ["textvalidationmin"], ["textvalidationmax"],
        ["identifier"], ["branchinglogicshowfieldonlyif", "branchinglogic"], ["requiredfield"],
        ["customalignment"], ["questionnumbersurveysonly", "questionnumber"], ["matrixgroupname"],
        ["matrixranking"], ["fieldannotation"],
    ]

    /// A header cell made comparable: lowercase letters and digits only.
    static func normalised(_ cell: String) -> String {
        String(
            cell.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(
                Character.init))
    }

    /// Reads a row; missing trailing columns are empty.
    init(_ row: CSVTable.Row) {
        func cell(_ index: Int) -> String {
            index < row.fields.count ? row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
        }
        line = row.line
        name = cell(0)
        form = cell(1)
        sectionHeader = cell(2)
        type = cell(3).lowercased()
        label = cell(4)
        choices = cell(5)
        note = cell(6)
        validation = cell(7).lowercased()
        minimum = cell(8)
        maximum = cell(9)
        identifier = cell(10).lowercased() == "y"
        branching = cell(11)
        required = cell(12).lowercased() == "y"
        matrixGroup = cell(15)
        matrixRanking = cell(16).lowercased() == "y"
        annotation = cell(17)
    }

    /// The choices `code, label | code, label` as pairs, in order; a choice without a comma
    /// has its text as both.
    var choiceList: [(code: String, label: String)] {
        choices.split(separator: "|", omittingEmptySubsequences: true).compactMap { part in
            let text = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            guard let comma = text.firstIndex(of: ",") else { return (text, text) }
            return (
                text[..<comma].trimmingCharacters(in: .whitespaces),
                text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            )
        }
    }
}
