package import Instrument

/// The columns of an export, built from an instrument alone (a codebook for an ethics committee
/// needs no database) and the export's options: exactly the columns of the coded CSV, in order,
/// and what the profile left out.
package struct ExportLayout: Sendable, Equatable {
    /// The instrument's id.
    package var instrument: String
    /// The newest instrument version the columns describe.
    package var version: Int
    /// The options the layout was made with.
    package var options: ExportOptions
    /// The columns in file order: metadata, then one or more per exported variable.
    package var columns: [ExportColumn]
    /// The variables left out, in instrument order, with the reason.
    package var dropped: [DroppedVariable]
    /// Every missing code of the instrument, lowest first (the same in every column that has them).
    package var missingCodes: [ExportColumn.MissingValue]
    /// The multiple-choice questions, as sets of flag columns.
    package var multipleResponseSets: [MultipleResponseSet]

    /// Builds the layout of an instrument.
    /// - Parameters:
    ///   - instrument: The instrument (the newest version, when a study has several).
    ///   - options: The profile and whether free text is exported.
    ///   - olderVersions: Earlier versions whose interviews are exported too: variables and codes
    ///     only they have are added, and variables some version lacks can be "not in version".
    package init(_ instrument: Instrument, options: ExportOptions = ExportOptions(), olderVersions: [Instrument] = []) {
        var builder = LayoutBuilder(instrument: instrument, options: options, olderVersions: olderVersions)
        builder.build()
        self.instrument = instrument.id
        self.version = instrument.version
        self.options = options
        self.columns = builder.columns
        self.dropped = builder.dropped
        self.missingCodes = builder.allMissing
        self.multipleResponseSets = builder.sets
    }

    /// The column with a name.
    package func column(named name: String) -> ExportColumn? { columns.first { $0.name == name } }

    /// The columns that come from one instrument variable.
    package func columns(of variableID: String) -> [ExportColumn] { columns.filter { $0.variableID == variableID } }

}

/// A multiple-choice question as a set of 0/1 columns (SPSS `MRSETS /MDGROUP`).
package struct MultipleResponseSet: Sendable, Equatable {
    /// The set's name: the question's id.
    package var name: String
    /// The question's label.
    package var label: String
    /// The names of its flag columns, in option order.
    package var columns: [String]

    /// The set in one sentence, for files that cannot declare sets (Stata's notes).
    package var note: String { "Multiple response set \(name) (\(label)): \(columns.joined(separator: " ")), 1 = chosen" }
}
