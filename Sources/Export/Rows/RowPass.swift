import Analysis
package import Foundation
import Store

/// Takes the rows of a pass, one at a time, in interview order.
package protocol RowSink: AnyObject {
    /// Takes one row (reused by the pass: copy what you keep).
    func write(_ row: ExportRow) throws
    /// Finishes the files after the last row.
    /// - Returns: The names of the files written.
    func finish() throws -> [String]
}

/// A format that writes rows: several such formats share one pass over the database.
package protocol RowFormat: ExportFormat {
    /// Opens the format's files for a pass.
    /// - Parameters:
    ///   - bundle: The export.
    ///   - directory: Where to write.
    ///   - rowCount: How many rows the pass will give.
    /// - Returns: The sink taking the rows.
    func makeSink(_ bundle: ExportBundle, directory: URL, rowCount: Int) throws -> any RowSink
}

extension RowFormat {
    /// Writes this format alone, in a pass of its own.
    package func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        try RowPass.run(bundle, formats: [self], directory: directory).files
    }
}

/// One read of the dataset feeding every row format's sink.
package enum RowPass {
    /// Reads the dataset once and writes every row format.
    /// - Parameters:
    ///   - bundle: The export (with a dataset).
    ///   - formats: The row formats.
    ///   - directory: Where to write.
    /// - Returns: The files written, in format order, and what the pass counted.
    /// - Throws: ``ExportError``.
    package static func run(
        _ bundle: ExportBundle, formats: [any RowFormat], directory: URL
    ) throws -> (files: [String], tally: RowTally) {
        guard let dataset = bundle.dataset else { return ([], RowTally()) }
        let count = try rowCount(dataset)
        let sinks = try formats.map { try $0.makeSink(bundle, directory: directory, rowCount: count) }
        var encoder = RowEncoder(layout: bundle.layout, dataset: dataset, deidentifier: bundle.deidentifier)
        do {
            try dataset.read(encoder.columns, metadata: encoder.metadata) { source in
                encoder.encode(source)
                for sink in sinks { try sink.write(encoder.row) }
            }
        } catch let error as ExportError {
            throw error
        } catch let error as StoreError {
            throw ExportError.store(error)
        }
        if encoder.tally.rows != count {
            throw ExportError.io(
                path: dataset.database.path, detail: "interviews were added or changed during the export; run it again")
        }
        var files: [String] = []
        for sink in sinks { files += try sink.finish() }
        return (files, encoder.tally)
    }

    /// Reads only the text columns: the longest value of each (after masking), so that string
    /// columns are no wider than their data.
    static func fitText(_ bundle: ExportBundle) throws -> RowTally {
        guard let dataset = bundle.dataset else { return RowTally() }
        var encoder = RowEncoder(
            layout: bundle.layout, dataset: dataset, deidentifier: bundle.deidentifier, textOnly: true)
        guard !encoder.columns.isEmpty else { return RowTally() }
        do {
            try dataset.read(encoder.columns, metadata: encoder.metadata) { encoder.encode($0) }
        } catch let error as StoreError {
            throw ExportError.store(error)
        }
        return encoder.tally
    }

    /// Reads the text cells of some columns, in row order (for Stata's strL, whose values are
    /// written before the data).
    static func texts(_ bundle: ExportBundle, columns: [Int]) throws -> [[String]] {
        guard let dataset = bundle.dataset, !columns.isEmpty else { return columns.map { _ in [] } }
        var encoder = RowEncoder(
            layout: bundle.layout, dataset: dataset, deidentifier: bundle.deidentifier, textOnly: true)
        var texts = columns.map { _ in [String]() }
        do {
            try dataset.read(encoder.columns, metadata: encoder.metadata) { source in
                encoder.encode(source)
                for (position, column) in columns.enumerated() {
                    texts[position].append(encoder.row.kinds[column] == .text ? encoder.row.texts[column] : "")
                }
            }
        } catch let error as StoreError {
            throw ExportError.store(error)
        }
        return texts
    }

    static func rowCount(_ dataset: Dataset) throws -> Int {
        do {
            return try dataset.interviewsRead()
        } catch let error as StoreError {
            throw ExportError.store(error)
        }
    }
}
