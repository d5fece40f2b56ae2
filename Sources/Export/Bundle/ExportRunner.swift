package import Analysis
import Foundation
import Instrument
package import Store

/// Runs an export: prepares the directory, reads the study, makes the layout, writes every
/// format (the row formats in one pass over the database) and `export.json`.
package enum ExportRunner {
    /// The interview statuses exported: every status that can hold answers.
    package static let exportedStatuses: [InterviewStatus] = [.completed, .brokenOff, .suspended, .active]

    /// What an export did.
    package struct Outcome: Sendable {
        /// The report written to `export.json`.
        package var report: ExportReport
        /// Files of an earlier export that were replaced.
        package var replaced: [String]
        /// Formats added because another needs them (the CSV, for the syntax files).
        package var added: [ExportFormatID]
        /// The disclosure audit of the counts the codebooks publish (none when no codebook was written).
        package var audit: AuditSummary?
    }

    /// The disclosure audit of the counts an export's codebooks would publish, writing nothing.
    /// - Parameter request: What to export.
    /// - Returns: The audit.
    /// - Throws: ``ExportError``.
    package static func audit(_ request: ExportRequest) throws(ExportError) -> AuditSummary {
        let (_, dataset, secret) = try open(request)
        let layout = ExportLayout(
            dataset.instrument, options: request.options, olderVersions: dataset.versions.dropLast().map(\.instrument))
        let report = ExportReport(
            instrument: dataset.instrument.id, profile: request.options.profile, release: request.release,
            includeText: request.options.includeText, exportedAt: "")
        let bundle = ExportBundle(
            layout: layout, instrument: dataset.instrument, dataset: dataset, report: report,
            deidentifier: Deidentifier(profile: request.options.profile, secret: secret, studyID: "", release: request.release))
        do {
            return try bundle.statistics()?.suppression.audit ?? ReleaseAudit.audit([])
        } catch let error as ExportError {
            throw error
        } catch {
            throw .io(path: request.databasePath, detail: "the audit could not be made")
        }
    }

    /// Runs an export.
    /// - Parameter request: What to export and where.
    /// - Returns: What was written.
    /// - Throws: ``ExportError``.
    package static func run(_ request: ExportRequest) throws(ExportError) -> Outcome {
        var formats = request.formats
        var added: [ExportFormatID] = []
        let syntax: Set<ExportFormatID> = [.sps, .do, .r]
        if !formats.contains(.csv), formats.contains(where: syntax.contains) {
            formats.insert(.csv, at: 0)
            added.append(.csv)
        }
        let (database, dataset, secret) = try open(request)
        let replaced = try ExportDirectory.prepare(request.directory)
        do {
            return try write(
                request, formats: formats, added: added, replaced: replaced, database: database, dataset: dataset,
                secret: secret)
        } catch {
            // The directory held nothing but this export's files: leave it empty, not half-written.
            ExportDirectory.empty(request.directory)
            throw error
        }
    }

    private static func write(
        _ request: ExportRequest, formats: [ExportFormatID], added: [ExportFormatID], replaced: [String],
        database: StudyDatabase, dataset: Dataset, secret: Data
    ) throws(ExportError) -> Outcome {
        let instrument = dataset.instrument
        var layout = ExportLayout(
            instrument, options: request.options, olderVersions: dataset.versions.dropLast().map(\.instrument))
        let study: StudyInfo
        do { study = try database.study() } catch { throw storeError(error, database.path) }
        var report = ExportReport(
            instrument: instrument.id, profile: request.options.profile, release: request.release,
            includeText: request.options.includeText, exportedAt: Self.timestamp(request.now))
        report.versions = dataset.versions.map(\.instrument.version)
        report.exportedStatuses = exportedStatuses
        report.dropped = layout.dropped
        report.coarsened = coarsened(layout)
        do {
            report.interviews = try dataset.interviewsByStatus()
        } catch { throw storeError(error, database.path) }
        let deidentifier = Deidentifier(
            profile: request.options.profile, secret: secret, studyID: study.uuid, release: request.release)
        var bundle = ExportBundle(
            layout: layout, instrument: instrument, dataset: dataset, report: report, deidentifier: deidentifier)
        bundle.fileDate = Self.date(study.createdAt)
        let directory = URL(fileURLWithPath: request.directory)
        var written: [String] = []
        do {
            let fit = try RowPass.fitText(bundle)
            layout.fitStrings(fit.longest)
            bundle.layout = layout
            var rowFormats = formats.compactMap { id -> (any RowFormat)? in
                if id == .csv { return CSVFormat(byteOrderMark: request.byteOrderMark) }
                return ExportFormats.format(id) as? any RowFormat
            }
            if formats.contains(.sps), fit.lineBreaks > 0 {
                rowFormats.append(CSVFormat(forSPSS: true))
                bundle.spssCSVFileName = CSVFormat.spssFileName(layout.instrument)
            }
            let pass = try RowPass.run(bundle, formats: rowFormats, directory: directory)
            written += pass.files
            bundle.report.rows = pass.tally.rows
            bundle.report.simulated = pass.tally.simulated
            bundle.report.masked = pass.tally.masked
            bundle.report.truncated = pass.tally.truncated
            for id in formats where !(ExportFormats.format(id) is any RowFormat) && id != .csv {
                written += try ExportFormats.format(id).write(bundle, to: directory)
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw .io(path: request.directory, detail: "the export could not be written (\(type(of: error)))")
        }
        report = bundle.report
        for name in written {
            do { report.files[name] = try OutputFile.digest(of: directory.appendingPathComponent(name)) } catch {
                throw error as? ExportError ?? .io(path: name, detail: "could not be hashed")
            }
        }
        try ExportManifest.write(report, to: directory.appendingPathComponent(ExportDirectory.reportName))
        let tables: Set<ExportFormatID> = [.codebookMarkdown, .codebookHTML, .ddi]
        let audit = formats.contains(where: tables.contains) ? (try? bundle.statistics())??.suppression.audit : nil
        return Outcome(report: report, replaced: replaced, added: added, audit: audit)
    }

    /// Opens the database and dataset, and the export secret (made on the first de-identified export).
    private static func open(_ request: ExportRequest) throws(ExportError) -> (StudyDatabase, Dataset, Data) {
        do {
            var database = try StudyDatabase.open(at: request.databasePath, readOnly: true)
            var secret = try database.exportSecret()
            if secret == nil && request.options.profile == .deidentified {
                database = try StudyDatabase.open(at: request.databasePath, readOnly: false)
                secret = try database.makeExportSecret()
            }
            let dataset = try Dataset.open(
                database, instrument: request.instrument, statuses: Set(exportedStatuses))
            return (database, dataset, secret ?? Data(count: 32))
        } catch let error as AnalysisError {
            throw .analysis(error)
        } catch {
            throw storeError(error, request.databasePath)
        }
    }

    static func storeError(_ error: any Error, _ path: String) -> ExportError {
        if let error = error as? StoreError { return .store(error) }
        if let error = error as? ExportError { return error }
        return .store(.io(path: path, detail: "the database could not be read"))
    }

    /// What the profile coarsened, for export.json.
    static func coarsened(_ layout: ExportLayout) -> [String: String] {
        var result = ["ps_month": "the interview's start time, to the month (YYYY-MM)"]
        for column in layout.columns where column.label.hasSuffix("(year and month, YYYYMM)") {
            result[column.variableID ?? column.name] = "a date answer, to the month (YYYYMM)"
        }
        return result
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}

extension ExportLayout {
    /// Narrows each string column to its longest value (at least one byte), so that `.sav` and
    /// `.dta` rows are no wider than the data.
    mutating func fitStrings(_ longest: [Int: Int]) {
        for index in columns.indices {
            guard case .string = columns[index].storage, columns[index].variableID != nil else { continue }
            columns[index].storage = .string(width: max(1, longest[index] ?? 0))
        }
    }
}
