/// What an attacker knows about the hidden counts of a release, as linear facts: each unknown
/// lies between two bounds, and each published relation says that a weighted sum of unknowns
/// lies between two numbers (equal to one number for a published total).
///
/// Sums, percentages at the precision printed, means and sums of squares are all linear in the
/// counts, so this is the whole of what the published tables say about the hidden ones, except
/// that counts are whole numbers (the attacker's linear programme relaxes that; see
/// `docs/analysis.md`).
struct LinearSystem: Sendable, Equatable {
    /// One published relation: `lower <= sum(coefficient * unknown) <= upper`.
    struct Relation: Sendable, Equatable {
        var terms: [(unknown: Int, coefficient: Double)]
        var lower: Double
        var upper: Double

        static func == (lhs: Relation, rhs: Relation) -> Bool {
            lhs.lower == rhs.lower && lhs.upper == rhs.upper && lhs.terms.count == rhs.terms.count
                && zip(lhs.terms, rhs.terms).allSatisfy { $0.unknown == $1.unknown && $0.coefficient == $1.coefficient }
        }
    }

    /// The bounds of each unknown (the upper bound may be infinite).
    private(set) var bounds: [ClosedRange<Double>] = []
    private(set) var relations: [Relation] = []

    /// Adds an unknown between two bounds.
    /// - Returns: Its index.
    mutating func unknown(_ bounds: ClosedRange<Double>) -> Int {
        self.bounds.append(bounds)
        return self.bounds.count - 1
    }

    /// Publishes `lower <= sum(terms) <= upper`; a relation without unknowns is dropped.
    mutating func relate(_ terms: [(unknown: Int, coefficient: Double)], between lower: Double, and upper: Double) {
        var merged: [Int: Double] = [:]
        for term in terms { merged[term.unknown, default: 0] += term.coefficient }
        let kept = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (unknown: $0.key, coefficient: $0.value) }
        guard !kept.isEmpty else { return }
        relations.append(Relation(terms: kept, lower: lower, upper: upper))
    }

    /// Removes the relations added after the first `count`.
    mutating func keepRelations(_ count: Int) { relations.removeLast(relations.count - count) }

    /// The number of unknowns.
    var count: Int { bounds.count }

    /// The unknowns that share a relation with each other, directly or through others: each
    /// group is an independent linear programme.
    func components() -> [[Int]] {
        var parent = Array(0..<count)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for relation in relations {
            guard let first = relation.terms.first?.unknown else { continue }
            for term in relation.terms.dropFirst() {
                let a = root(first), b = root(term.unknown)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in 0..<count { groups[root(index), default: []].append(index) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// The relations that involve any of the unknowns.
    func relations(of unknowns: Set<Int>) -> [Relation] {
        relations.filter { $0.terms.contains { unknowns.contains($0.unknown) } }
    }
}
