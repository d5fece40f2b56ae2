import Foundation
package import Instrument
package import Store

/// Computes a ``ChangeReport``: reads the first wave's completed interviews (participant code and
/// values), then the second wave's, pairs them by code, and computes every statistic.
///
/// Memory: one number per participant and variable read at the first wave (8 bytes; 16 MB for
/// 100,000 participants and 20 variables) and the pairs; the second wave is streamed.
package enum Changer {
    /// Builds the report.
    /// - Parameters:
    ///   - database: The study.
    ///   - request: The waves, variables and measures.
    ///   - minCell: Counts from 1 to `minCell - 1` are hidden.
    /// - Returns: The report.
    /// - Throws: ``AnalysisError`` for an unknown wave or variable, or a database failure.
    package static func change(
        _ database: StudyDatabase, _ request: ChangeRequest, minCell: Int = 10
    ) throws -> ChangeReport {
        let plan: StudyPlan
        do {
            guard let stored = try database.plan() else { throw AnalysisError.noPlan(path: database.path) }
            plan = stored
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw Dataset.storeError(error, database.path)
        }
        guard let from = plan.wave(request.from) else {
            throw AnalysisError.unknownWave(request.from, available: plan.waves.map(\.id))
        }
        guard let to = plan.wave(request.to) else {
            throw AnalysisError.unknownWave(request.to, available: plan.waves.map(\.id))
        }
        var before = try Dataset.open(database, instrument: from.instrument.id, statuses: [.completed])
        before.waves = [from.id]
        var after = try Dataset.open(database, instrument: to.instrument.id, statuses: [.completed])
        after.waves = [to.id]
        let chosen = try variables(request, before: before, after: after)
        // The first wave: each participant's values, by the order they were read.
        var index: [String: Int] = [:]
        var firstValues = chosen.map { _ in [Double]() }
        let firstColumns = chosen.map { (variable: $0.before, need: ScanNeed.number) }
        do {
            try before.read(firstColumns, metadata: true) { row in
                guard index[row.code] == nil else { return }
                index[row.code] = index.count
                for slot in chosen.indices {
                    firstValues[slot].append(row.statuses[slot] == .answered ? row.numbers[slot] : .nan)
                }
            }
        } catch {
            throw Dataset.storeError(error, database.path)
        }
        var retained = [Bool](repeating: false, count: index.count)
        var pairs = chosen.map { _ in [(Double, Double)]() }
        do {
            try after.read(chosen.map { (variable: $0.after, need: ScanNeed.number) }, metadata: true) { row in
                guard let position = index[row.code] else { return }
                retained[position] = true
                for slot in chosen.indices where row.statuses[slot] == .answered {
                    let first = firstValues[slot][position], second = row.numbers[slot]
                    if first.isFinite, second.isFinite { pairs[slot].append((first, second)) }
                }
            }
        } catch {
            throw Dataset.storeError(error, database.path)
        }
        // Who is lost: the second wave's window closed without it (by the plan's schedule).
        var lostFlags = [Bool](repeating: false, count: index.count)
        var pending = 0
        do {
            let participants = try database.participants(of: plan)
            for participant in participants {
                guard let position = index[participant.code], !retained[position] else { continue }
                switch plan.status(of: to, done: participant.done, arm: participant.arm, today: request.today) {
                case .lost: lostFlags[position] = true
                case .done, .notInArm: break
                case .due, .overdue, .notYet, .waiting: pending += 1
                }
            }
        } catch {
            throw Dataset.storeError(error, database.path)
        }
        let alphas = try alphas(before: before, chosen: chosen)
        var numeric: [ChangeReport.Numeric] = []
        var categorical: [ChangeReport.Categorical] = []
        for (slot, variable) in chosen.enumerated() {
            let measure = request.measures[variable.before.name] ?? ChangeMeasure(variable: variable.before.name)
            switch variable.before.kind {
            case .categorical where variable.before.origin != .score:
                categorical.append(
                    categoricalChange(variable.before, pairs: pairs[slot], minCell: minCell))
            default:
                let firsts = firstValues[slot]
                let retainedValues = firsts.indices.filter { retained[$0] && firsts[$0].isFinite }.map { firsts[$0] }
                let lostValues = firsts.indices.filter { lostFlags[$0] && firsts[$0].isFinite }.map { firsts[$0] }
                numeric.append(
                    numericChange(
                        variable.before, pairs: pairs[slot], measure: measure, alpha: alphas[variable.before.name],
                        minCell: minCell, retained: retainedValues, lost: lostValues))
            }
        }
        let lostCount = lostFlags.filter { $0 }.count
        var notes: [String] = []
        if let simulated = try? after.interviewsByStatus(), simulated.isEmpty {
            notes.append("No interview of `\(to.id)` is completed yet.")
        }
        return ChangeReport(
            title: request.title ?? "Change from \(label(from)) to \(label(to))", plan: plan.id, from: from, to: to,
            participants: index.count, retained: protect(retained.filter { $0 }.count, minCell),
            lost: protect(lostCount, minCell), pending: protect(pending, minCell), numeric: numeric,
            categorical: categorical, minCell: minCell, notes: notes)
    }

    static func label(_ wave: StudyPlan.Wave) -> String {
        wave.label?.text(in: wave.instrument.defaultLanguage) ?? wave.id
    }

    /// The variables both waves have, as asked (every score, numeric and categorical item when
    /// none is named).
    static func variables(_ request: ChangeRequest, before: Dataset, after: Dataset) throws
        -> [(before: DatasetVariable, after: DatasetVariable)]
    {
        if request.variables.isEmpty {
            return before.variables.compactMap { variable in
                switch variable.kind {
                case .integer, .decimal, .categorical:
                    guard variable.origin != .calculation || variable.kind != .categorical,
                        let other = after.variable(variable.name), other.kind == variable.kind
                    else { return nil }
                    return (variable, other)
                case .multiple, .text, .date, .identifying: return nil
                }
            }
        }
        return try request.variables.map { name in
            let first = try before.require(name)
            let second = try after.require(name)
            switch first.kind {
            case .integer, .decimal, .categorical: break
            case .multiple, .text, .date, .identifying:
                throw AnalysisError.unsuitableVariable(
                    name, option: "change", needs: "a score, a number or a single choice", found: first.kind.description)
            }
            return (first, second)
        }
    }

    /// Cronbach's alpha of each score at the first wave (for the reliability of the index).
    static func alphas(before: Dataset, chosen: [(before: DatasetVariable, after: DatasetVariable)]) throws
        -> [String: Double]
    {
        let scores = chosen.map(\.before.name).filter { name in before.instrument.scores.contains { $0.id == name } }
        guard !scores.isEmpty else { return [:] }
        let report = try Describer.describe(
            before, DescribeRequest(variables: scores, scores: scores), settings: DescribeSettings(minCell: 0))
        var result: [String: Double] = [:]
        for scale in report.scales { if let alpha = scale.reliability?.alpha { result[scale.name] = alpha } }
        return result
    }

    static func protect(_ count: Int, _ minCell: Int) -> Count {
        var result = Count(count)
        if count > 0, count < minCell { result.visibility = .small }
        return result
    }

    static func numericChange(
        _ variable: DatasetVariable, pairs: [(Double, Double)], measure: ChangeMeasure, alpha: Double?, minCell: Int,
        retained: [Double], lost: [Double]
    ) -> ChangeReport.Numeric {
        let before = pairs.map(\.0), after = pairs.map(\.1)
        let enough = pairs.count >= max(2, minCell)
        var result = ChangeReport.Numeric(
            name: variable.name, label: variable.label, isScore: variable.origin == .score,
            change: enough ? PairedChange(before: before, after: after) : nil, pairs: protect(pairs.count, minCell),
            measure: measure, points: [])
        if !enough {
            result.reliableNote = "fewer than \(max(2, minCell)) participants answered at both waves"
        } else {
            let criterion: ReliableChange.Criterion?
            if let threshold = measure.threshold {
                criterion = .threshold(threshold)
            } else if let reliability = measure.reliability {
                criterion = .index(reliability: reliability, source: "given in the plan")
            } else if let alpha {
                criterion = .index(reliability: alpha, source: "Cronbach's alpha at the first wave")
            } else {
                criterion = nil
                result.reliableNote = "no reliability given for \(variable.name) (give one, or a threshold, in the analysis plan)"
            }
            if let criterion {
                result.reliable = ReliableChange(
                    before: before, after: after, criterion: criterion, direction: measure.direction, cutOff: measure.cutOff)
                if let reliable = result.reliable {
                    var counts = [reliable.improved, reliable.unchanged, reliable.deteriorated].map { protect($0, minCell) }
                    // Three counts add up to the pairs shown: hiding one small count hides another.
                    let small = counts.indices.filter { counts[$0].visibility != .shown }
                    if small.count == 1, let other = counts.indices.filter({ counts[$0].visibility == .shown })
                        .min(by: { counts[$0].people < counts[$1].people })
                    {
                        counts[other].visibility = .hidden
                    }
                    (result.improved, result.unchanged, result.deteriorated) = (counts[0], counts[1], counts[2])
                    result.recovered = reliable.recovered.map { protect($0, minCell) }
                } else {
                    result.reliableNote = "the first wave's values do not vary, so reliable change cannot be judged"
                }
            }
            if pairs.count >= max(20, minCell) { result.points = pairs.map { (before: $0.0, after: $0.1) } }
        }
        if retained.count >= minCell, lost.count >= minCell {
            result.retainedMean = NeumaierSum.of(retained) / Double(retained.count)
            result.lostMean = NeumaierSum.of(lost) / Double(lost.count)
        }
        return result
    }

    static func categoricalChange(_ variable: DatasetVariable, pairs: [(Double, Double)], minCell: Int)
        -> ChangeReport.Categorical
    {
        let codes = variable.categories.map(\.code)
        let change = CategoricalChange(
            before: pairs.map { Int($0.0) }, after: pairs.map { Int($0.1) }, codes: codes)
        var cells = change.table.map { row in row.map { protect($0, minCell) } }
        // Rows and columns total the categories at each wave: in any row or column with exactly one
        // hidden cell, hide the smallest other shown cell, until none is alone.
        var changed = true
        while changed {
            changed = false
            let lines: [[(Int, Int)]] =
                cells.indices.map { i in cells[i].indices.map { (i, $0) } }
                + (cells.first?.indices.map { j in cells.indices.map { ($0, j) } } ?? [])
            for line in lines {
                let hidden = line.filter { cells[$0.0][$0.1].visibility != .shown }
                guard hidden.count == 1 else { continue }
                let candidates = line.filter { cells[$0.0][$0.1].visibility == .shown && cells[$0.0][$0.1].people > 0 }
                guard let other = candidates.min(by: { cells[$0.0][$0.1].people < cells[$1.0][$1.1].people }) else {
                    continue
                }
                cells[other.0][other.1].visibility = .hidden
                changed = true
            }
        }
        let anyHidden = cells.joined().contains { $0.visibility != .shown }
        return ChangeReport.Categorical(
            name: variable.name, label: variable.label, categories: variable.categories, cells: cells,
            test: anyHidden || pairs.count < minCell ? nil : change)
    }
}
