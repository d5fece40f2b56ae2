package import Instrument
package import Store

/// One instrument's interviews in a study database, across every version of the instrument
/// that was registered: the stage between the study store and the statistics.
///
/// Variables are those of the newest version, then any that only older versions had. In an
/// interview of a version without a variable, that variable is "not in version". Only completed
/// interviews are read unless other statuses are asked for. Nothing is read until ``scan(_:make:)``.
package struct Dataset: Sendable {
    /// One registered version with its loaded instrument.
    package struct Version: Sendable {
        /// The registration in the database.
        package var registration: RegisteredInstrument
        /// The instrument, loaded from the stored source.
        package var instrument: Instrument
    }

    /// Where the interviews are stored: the study database, or any other backend of the seam.
    package let database: any StudyReading
    /// The instrument's id.
    package let name: String
    /// The versions, oldest first.
    package let versions: [Version]
    /// The variables, in the newest version's order.
    package let variables: [DatasetVariable]
    /// The interview statuses read.
    package let statuses: Set<InterviewStatus>
    private let index: [String: Int]

    /// The newest version's instrument, whose labels and options the reports use.
    package var instrument: Instrument { versions.last!.instrument }

    /// Opens the dataset of one instrument.
    /// - Parameters:
    ///   - database: The study database.
    ///   - instrument: The instrument's id; may be left out when the database holds only one.
    ///   - statuses: Which interviews to read: completed by default.
    /// - Returns: The dataset.
    /// - Throws: ``AnalysisError`` when the instrument is missing or ambiguous, or a stored
    ///   version does not load.
    package static func open(
        _ database: any StudyReading, instrument: String? = nil, statuses: Set<InterviewStatus> = [.completed]
    ) throws(AnalysisError) -> Dataset {
        let registered: [RegisteredInstrument]
        do {
            registered = try database.instruments()
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.io(path: database.path, detail: "the instruments could not be read"))
        }
        let names = Array(Set(registered.map(\.name))).sorted()
        guard !names.isEmpty else { throw .noInstruments(path: database.path) }
        let name: String
        if let instrument {
            guard names.contains(instrument) else { throw .unknownInstrument(instrument, available: names) }
            name = instrument
        } else {
            guard names.count == 1 else { throw .chooseInstrument(available: names) }
            name = names[0]
        }
        var versions: [Version] = []
        for registration in registered where registration.name == name {
            let source: String
            do { source = try database.source(of: registration) } catch {
                throw .unloadableVersion(
                    instrument: name, version: registration.version, detail: "its source could not be read")
            }
            let loaded = InstrumentLoader.load(text: source, path: "\(name) version \(registration.version)")
            guard let instrument = loaded.instrument else {
                let first = loaded.diagnostics.first { $0.severity == .error }?.message ?? "it has errors"
                throw .unloadableVersion(instrument: name, version: registration.version, detail: first)
            }
            versions.append(Version(registration: registration, instrument: instrument))
        }
        versions.sort {
            ($0.registration.version, $0.registration.rowID) < ($1.registration.version, $1.registration.rowID)
        }
        let variables = DatasetVariables(versions).variables
        return Dataset(
            database: database, name: name, versions: versions, variables: variables, statuses: statuses,
            index: Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1.name, $0) }))
    }

    /// The variable with a name.
    /// - Parameter name: The variable's name.
    /// - Returns: The variable, if the instrument has it.
    package func variable(_ name: String) -> DatasetVariable? { index[name].map { variables[$0] } }

    /// The variable with a name, or an error that suggests the closest name.
    /// - Parameters:
    ///   - name: The variable's name.
    ///   - option: Where the name was given (`--by`), for the message.
    /// - Returns: The variable.
    /// - Throws: ``AnalysisError/unknownVariable(_:instrument:option:suggestion:)``.
    package func require(_ name: String, option: String? = nil) throws(AnalysisError) -> DatasetVariable {
        guard let variable = variable(name) else {
            throw .unknownVariable(
                name, instrument: self.name, option: option,
                suggestion: Suggestions.closest(to: name, in: variables.map(\.name)))
        }
        return variable
    }

    /// The scan plan reading these variables from this dataset's interviews.
    func plan(_ variables: [DatasetVariable]) -> ScanPlan {
        plan(variables.map { ($0, Self.need($0.kind)) }, metadata: false)
    }

    /// The scan plan reading variables, each as asked, from this dataset's interviews.
    func plan(_ columns: [(variable: DatasetVariable, need: ScanNeed)], metadata: Bool) -> ScanPlan {
        var plan = ScanPlan(
            instruments: versions.map(\.registration.rowID), statuses: statuses,
            slots: columns.map { ScanSlot(variableIDs: $0.variable.variableIDs, need: $0.need) })
        plan.metadata = metadata
        return plan
    }

    /// Reads the interviews one at a time, in the database's interview order, on this thread.
    /// - Parameters:
    ///   - columns: The variables to read and what to read of each; slot `i` of each row is
    ///     `columns[i]`.
    ///   - metadata: Whether to read each interview's language, interviewer, start time,
    ///     participant code and outcome.
    ///   - body: Called once per interview with a row that is reused: copy what you keep.
    /// - Throws: ``StoreError`` when the database cannot be read, or what `body` throws.
    package func read(
        _ columns: [(variable: DatasetVariable, need: ScanNeed)], metadata: Bool, body: (InterviewRow) throws -> Void
    ) throws {
        try database.scan(plan(columns, metadata: metadata), range: nil, body: body)
    }

    /// How many interviews of this instrument the database holds, by status, whatever statuses
    /// the dataset reads.
    /// - Throws: ``StoreError`` when the database cannot be read.
    package func interviewsByStatus() throws -> [InterviewStatus: Int] {
        try database.interviewCounts(ScanPlan(instruments: versions.map(\.registration.rowID), statuses: [], slots: []))
    }

    /// How many interviews the dataset reads (of its statuses).
    /// - Throws: ``StoreError`` when the database cannot be read.
    package func interviewsRead() throws -> Int {
        let counts = try interviewsByStatus()
        return statuses.reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    static func need(_ kind: DatasetVariable.Kind) -> ScanNeed {
        switch kind {
        case .categorical, .integer, .decimal: return .number
        case .multiple: return .codes
        case .date: return .day
        case .text, .identifying: return .status
        }
    }
}
