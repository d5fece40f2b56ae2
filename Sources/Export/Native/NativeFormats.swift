package import Foundation

/// SPSS system file (`.sav`), written by ReadStat: variable and value labels, missing codes as
/// user-missing ranges, measurement levels, strings up to 32,767 bytes.
package struct SAVFormat: RowFormat {
    /// The format's id.
    package let id = ExportFormatID.sav

    /// Creates the format.
    package init() {}

    /// Opens the `.sav` file.
    package func makeSink(_ bundle: ExportBundle, directory: URL, rowCount: Int) throws -> any RowSink {
        let url = directory.appendingPathComponent("\(bundle.layout.instrument).sav")
        return try ReadStatSink(kind: .sav, bundle: bundle, url: url, rowCount: rowCount)
    }
}

/// Stata 14+ dataset (`.dta`, format 118), written by ReadStat: variable and value labels,
/// missing codes as extended missing values `.a`, `.b`, ... with labels, text longer than 2,045
/// bytes as strL.
package struct DTAFormat: RowFormat {
    /// The format's id.
    package let id = ExportFormatID.dta

    /// Creates the format.
    package init() {}

    /// Opens the `.dta` file.
    package func makeSink(_ bundle: ExportBundle, directory: URL, rowCount: Int) throws -> any RowSink {
        let url = directory.appendingPathComponent("\(bundle.layout.instrument).dta")
        return try ReadStatSink(kind: .dta, bundle: bundle, url: url, rowCount: rowCount)
    }
}
