import CGLPK

/// The interval an attacker can prove for each of some unknowns of a ``LinearSystem``: the
/// smallest and the largest value it takes over every solution of the published relations,
/// each found by GLPK's simplex method (minimise, then maximise). The system is split into its
/// independent parts first, so each linear programme is only as large as one group of linked
/// tables.
enum IntervalSolver {
    /// The proven interval of each target; an infeasible system (which published numbers never
    /// make) gives the target's own bounds.
    /// - Parameters:
    ///   - system: The unknowns and relations.
    ///   - targets: The unknowns to bound.
    /// - Returns: The interval of each target, by unknown.
    static func intervals(_ system: LinearSystem, of targets: [Int]) -> [Int: ClosedRange<Double>] {
        guard !targets.isEmpty else { return [:] }
        var result: [Int: ClosedRange<Double>] = [:]
        let wanted = Set(targets)
        for component in system.components() where component.contains(where: wanted.contains) {
            let relations = system.relations(of: Set(component))
            if relations.isEmpty {
                for unknown in component where wanted.contains(unknown) { result[unknown] = system.bounds[unknown] }
                continue
            }
            let program = Program(system: system, unknowns: component, relations: relations)
            for unknown in component where wanted.contains(unknown) {
                result[unknown] = program.interval(of: unknown) ?? system.bounds[unknown]
            }
        }
        return result
    }

    /// One linear programme over one group of unknowns, kept for several objectives.
    final class Program {
        private let problem: OpaquePointer
        private let column: [Int: Int32]
        private var parameters = glp_smcp()

        init(system: LinearSystem, unknowns: [Int], relations: [LinearSystem.Relation]) {
            glp_term_out(GLP_OFF)
            problem = glp_create_prob()
            var column: [Int: Int32] = [:]
            glp_add_cols(problem, Int32(unknowns.count))
            for (position, unknown) in unknowns.enumerated() {
                let index = Int32(position + 1)
                column[unknown] = index
                let bounds = system.bounds[unknown]
                if bounds.upperBound.isInfinite {
                    glp_set_col_bnds(problem, index, GLP_LO, bounds.lowerBound, 0)
                } else if bounds.lowerBound == bounds.upperBound {
                    glp_set_col_bnds(problem, index, GLP_FX, bounds.lowerBound, bounds.upperBound)
                } else {
                    glp_set_col_bnds(problem, index, GLP_DB, bounds.lowerBound, bounds.upperBound)
                }
            }
            self.column = column
            glp_add_rows(problem, Int32(relations.count))
            var rows: [Int32] = [0], columns: [Int32] = [0], values: [Double] = [0]
            for (position, relation) in relations.enumerated() {
                let row = Int32(position + 1)
                if relation.lower == relation.upper {
                    glp_set_row_bnds(problem, row, GLP_FX, relation.lower, relation.upper)
                } else if relation.upper.isInfinite {
                    glp_set_row_bnds(problem, row, GLP_LO, relation.lower, 0)
                } else if relation.lower.isInfinite {
                    glp_set_row_bnds(problem, row, GLP_UP, 0, relation.upper)
                } else {
                    glp_set_row_bnds(problem, row, GLP_DB, relation.lower, relation.upper)
                }
                for term in relation.terms {
                    rows.append(row)
                    columns.append(column[term.unknown]!)
                    values.append(term.coefficient)
                }
            }
            glp_load_matrix(problem, Int32(values.count - 1), rows, columns, values)
            glp_init_smcp(&parameters)
            parameters.msg_lev = GLP_MSG_OFF
            parameters.presolve = GLP_OFF
        }

        deinit { glp_delete_prob(problem) }

        /// The smallest and largest value of one unknown; `nil` when the programme has no
        /// solution or GLPK fails.
        func interval(of unknown: Int) -> ClosedRange<Double>? {
            guard let index = column[unknown] else { return nil }
            glp_set_obj_coef(problem, index, 1)
            defer { glp_set_obj_coef(problem, index, 0) }
            guard let low = optimum(GLP_MIN), let high = optimum(GLP_MAX) else { return nil }
            return min(low, high)...max(low, high)
        }

        private func optimum(_ direction: Int32) -> Double? {
            glp_set_obj_dir(problem, direction)
            var status = glp_simplex(problem, &parameters)
            if status != 0 {
                // A stale basis from the previous objective: start again from a standard one.
                glp_std_basis(problem)
                status = glp_simplex(problem, &parameters)
            }
            guard status == 0 else { return nil }
            switch glp_get_status(problem) {
            case GLP_OPT: return glp_get_obj_val(problem)
            case GLP_UNBND: return direction == GLP_MAX ? .infinity : -.infinity
            default: return nil
            }
        }
    }
}
