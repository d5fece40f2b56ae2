import GRDB

/// A ``ScanPlan`` turned into lookup tables for the hot loop: the slot of each variable row id,
/// what to read for it, and the starting status of every slot for each instrument version.
struct ScanLayout {
    /// The smallest variable row id in the plan; `slotOf` is indexed from it.
    let base: Int64
    /// The slot of variable `base + index`, or -1 when the plan does not read it.
    let slotOf: [Int32]
    /// What to read per slot: identifying variables are forced to ``ScanNeed/status``.
    let needs: [ScanNeed]
    /// Per instrument version: each slot starts as not reached, or not in version when the
    /// version lacks the variable.
    let defaults: [Int64: [StoredStatus]]
    /// The slots read as text, which are reset between interviews.
    let textSlots: [Int]
    /// The slots read as codes, which are reset between interviews.
    let codeSlots: [Int]
    /// The number of slots.
    let count: Int

    init(_ plan: ScanPlan, _ db: Database) throws {
        count = plan.slots.count
        let ids = plan.slots.flatMap(\.variableIDs.values)
        let low = ids.min() ?? 0, high = ids.max() ?? -1
        base = low
        var slotOf = [Int32](repeating: -1, count: high >= low ? Int(high - low + 1) : 0)
        for (slot, spec) in plan.slots.enumerated() {
            for id in spec.variableIDs.values { slotOf[Int(id - low)] = Int32(slot) }
        }
        self.slotOf = slotOf
        var identifying = Set<Int64>()
        var defaults: [Int64: [StoredStatus]] = [:]
        if !ids.isEmpty {
            let instruments = plan.instruments.map(String.init).joined(separator: ", ")
            identifying = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT id FROM variable WHERE identifying <> 0 AND instrument_id IN (\(instruments))"))
        }
        let needs = plan.slots.map { spec -> ScanNeed in
            spec.variableIDs.values.contains(where: identifying.contains) ? .status : spec.need
        }
        self.needs = needs
        textSlots = needs.indices.filter { needs[$0] == .text }
        codeSlots = needs.indices.filter { needs[$0] == .codes }
        for instrument in plan.instruments {
            defaults[instrument] = plan.slots.map { $0.variableIDs[instrument] == nil ? .notInVersion : .notReached }
        }
        self.defaults = defaults
    }

    /// The slot of a variable row id, or -1.
    @inline(__always)
    func slot(of variable: Int64) -> Int {
        let index = variable &- base
        guard index >= 0, index < slotOf.count else { return -1 }
        return Int(slotOf[Int(index)])
    }
}
