extension Instrument {
    /// The variables a name stands for when a safeguard waits for it (`after:`): a score's items,
    /// a grid's items, or one variable; empty when the name is none of these.
    /// - Parameter name: A score, grid or variable id.
    /// - Returns: Variable ids, in asking order.
    public func variablesAwaited(by name: String) -> [String] {
        if let score = scores.first(where: { $0.id == name }) { return score.items }
        for section in sections {
            for question in section.questions where question.id == name {
                if case .grid(_, let items) = question.kind { return items.map(\.id) }
            }
        }
        return variables[name] == nil ? [] : [name]
    }
}
