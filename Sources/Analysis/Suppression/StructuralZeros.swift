import Instrument
import Store

/// The reasons for no answer that a variable cannot have, whatever the answers: anyone holding
/// the instrument (which the codebook publishes) knows their counts are zero, so they are never
/// hidden as if they could protect a small count.
enum StructuralZeros {
    /// The missing kinds ruled out for a variable of a dataset.
    /// - Parameters:
    ///   - variable: The variable.
    ///   - dataset: The dataset (its versions and the interview statuses read).
    /// - Returns: The kinds that cannot occur.
    static func impossible(for variable: DatasetVariable, in dataset: Dataset) -> Set<MissingKind> {
        var impossible: Set<MissingKind> = []
        let versions = Set(dataset.versions.map(\.registration.version))
        if versions.isSubset(of: Set(variable.versions)) { impossible.insert(.notInVersion) }
        // Only interviews that were broken off or are still open can stop before a question.
        if dataset.statuses.isSubset(of: [.completed]) { impossible.insert(.notReached) }
        let catalogue = VariableCatalogue(dataset.instrument)
        switch variable.origin {
        case .score:
            // A score is computed: never refused or unknown; not computed is "not asked".
            impossible.formUnion([.refused, .dontKnow])
        case .calculation:
            impossible.formUnion([.refused, .dontKnow])
        case .question, .gridItem:
            // Refusals can also come from skipping the rest of a section, so only routing rules
            // a reason out: a question with no condition, in a section with none, is always asked.
            if let question = catalogue.question(of: variable.name), question.askIf == nil,
                catalogue.section(of: variable.name)?.askIf == nil
            {
                if case .calculate = question.kind {
                    impossible.formUnion([.refused, .dontKnow])
                } else {
                    impossible.insert(.notApplicable)
                }
            }
        case .specify:
            break
        }
        return impossible
    }
}
