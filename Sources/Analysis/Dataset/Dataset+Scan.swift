import Dispatch
import Store

/// Takes interview rows from a scan and can be combined with another consumer that took a
/// different part of the same scan.
protocol RowConsumer: Sendable {
    /// Takes one interview.
    mutating func consume(_ row: InterviewRow)
    /// Adds what another consumer took from a later part of the scan.
    mutating func merge(_ other: Self)
}

extension Dataset {
    /// The most parts a scan is split into. The split depends on the data only (never on the
    /// machine), so results are the same to the last bit wherever they are computed.
    static let maximumParts = 16
    /// About how many interviews make a part worth a thread of its own.
    static let interviewsPerPart = 2_000

    /// How many interviews the dataset holds, by status (of the statuses read).
    func interviewCount() throws(AnalysisError) -> Int {
        do {
            return try interviewsRead()
        } catch {
            throw Self.storeError(error, database.path)
        }
    }

    /// Reads the dataset once, in parts on several threads, each part into its own consumer; the
    /// consumers are merged in the order of their parts.
    /// - Parameters:
    ///   - variables: The variables to read; slot `i` of each row is `variables[i]`.
    ///   - make: Makes an empty consumer.
    /// - Returns: The merged consumer.
    func scan<C: RowConsumer>(_ variables: [DatasetVariable], make: @Sendable () -> C) throws(AnalysisError) -> C {
        let plan = plan(variables)
        let total = try interviewCount()
        let wanted = max(1, min(Self.maximumParts, total / Self.interviewsPerPart))
        let ranges: [ClosedRange<Int64>]
        do {
            ranges = try database.scanRanges(plan, count: wanted)
        } catch {
            throw Self.storeError(error, database.path)
        }
        if ranges.count <= 1 {
            var consumer = make()
            do {
                try database.scan(plan, range: nil) { consumer.consume($0) }
            } catch {
                throw Self.storeError(error, database.path)
            }
            return consumer
        }
        let results = Slots<Result<C, AnalysisError>>(count: ranges.count)
        let database = database, path = database.path
        DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
            var consumer = make()
            let outcome: Result<C, AnalysisError>
            do {
                try database.scan(plan, range: ranges[part]) { consumer.consume($0) }
                outcome = .success(consumer)
            } catch {
                outcome = .failure(Self.storeError(error, path))
            }
            results[part] = outcome
        }
        let parts = results.values
        var merged: C?
        for part in parts {
            switch part {
            case .success(let consumer)?:
                if merged == nil { merged = consumer } else { merged!.merge(consumer) }
            case .failure(let error)?:
                throw error
            case nil:
                throw .store(.io(path: path, detail: "a part of the scan did not finish"))
            }
        }
        return merged ?? make()
    }

    static func storeError(_ error: any Error, _ path: String) -> AnalysisError {
        if let error = error as? StoreError { return .store(error) }
        if let error = error as? AnalysisError { return error }
        return .store(.io(path: path, detail: "the database could not be read"))
    }
}
