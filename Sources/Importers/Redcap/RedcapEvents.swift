import Foundation

/// REDCap's events and instrument-event mapping files: read and checked, and until waves are in
/// the instrument language, reported event by event as not carried over.
enum RedcapEvents {
    /// The report of an events file and its mapping.
    /// - Throws: ``ImportError`` when a file is not what it claims.
    static func report(eventsPath: String, mappingPath: String?) throws(ImportError) -> ImportReport {
        let eventsName = (eventsPath as NSString).lastPathComponent
        let events = try CSVTable.read(path: eventsPath, name: eventsName)
        let eventColumn = try column(
            events, "unique_event_name", what: "REDCap events file (export it from Project Setup, Define My Events)")
        var formsOfEvent: [String: [String]] = [:]
        if let mappingPath {
            let mappingName = (mappingPath as NSString).lastPathComponent
            let mapping = try CSVTable.read(path: mappingPath, name: mappingName)
            let mappedEvent = try column(mapping, "unique_event_name", what: "REDCap instrument-event mapping")
            let form = try column(mapping, "form", what: "REDCap instrument-event mapping")
            for row in mapping.rows.dropFirst() where row.fields.count > max(mappedEvent, form) {
                formsOfEvent[row.fields[mappedEvent], default: []].append(row.fields[form])
            }
        }
        var report = ImportReport()
        for row in events.rows.dropFirst() where row.fields.count > eventColumn {
            let event = row.fields[eventColumn]
            let forms = formsOfEvent[event].map { " (forms: \($0.joined(separator: ", ")))" } ?? ""
            report.note(
                "\(eventsName):\(row.line)",
                "the event `\(event)`\(forms) is not carried over: waves of a study plan are not yet in the instrument language, so each form is imported once, as one instrument"
            )
        }
        return report
    }

    private static func column(_ table: CSVTable, _ name: String, what: String) throws(ImportError) -> Int {
        guard let header = table.rows.first,
            let index = header.fields.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == name })
        else {
            throw .invalid(location: "\(table.name):1", message: "this is not a \(what): it has no column `\(name)`")
        }
        return index
    }
}
