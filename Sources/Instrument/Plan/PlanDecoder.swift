/// Decodes and checks a study plan, every problem located.
final class PlanDecoder {
    /// The instrument decoder, for its scalar readers and its diagnostics list.
    private let scalars: InstrumentDecoder
    var diagnostics: DiagnosticList {
        get { scalars.diagnostics }
        set { scalars.diagnostics = newValue }
    }

    init(source: SourceFile) { scalars = InstrumentDecoder(source: source) }

    func decode(
        _ root: YAMLNode,
        instrument load: (String, String?) -> Result<StudyPlanLoader.LoadedInstrument, StudyPlanLoader.InstrumentProblem>
    ) -> StudyPlan? {
        guard case .mapping = root.kind else {
            diagnostics.error(
                "the top level of a study plan must be a mapping of keys (`study:`, `title:`, `waves:` ...), but this file holds \(root.kindDescription)",
                at: root.location)
            return nil
        }
        guard let map = MappingReader(root, PlanShapes.plan, what: "the study plan", &diagnostics) else { return nil }
        scalars.decodeLanguages(map["languages"])
        let id = scalars.identifier(map["study"], "study id", pattern: .instrument)
        let title = scalars.text(map["title"], "the title")
        var arms: [StudyPlan.Arm] = []
        for node in scalars.list(map["arms"], "the arms") ?? [] {
            guard let arm = MappingReader(node, PlanShapes.arm, what: "an arm", &diagnostics),
                let armID = scalars.identifier(arm["id"], "arm id"), let label = scalars.text(arm["label"], "the arm's label")
            else { continue }
            if arms.contains(where: { $0.id == armID }) {
                diagnostics.error("the arm `\(armID)` is defined twice", at: arm.location(of: "id"))
            }
            arms.append(StudyPlan.Arm(id: armID, label: label))
        }
        var waves: [StudyPlan.Wave] = []
        var earlier: [String] = []
        for node in scalars.list(map["waves"], "the waves") ?? [] {
            if let wave = decodeWave(node, earlier: earlier, arms: arms, load: load) { waves.append(wave) }
            if case .mapping(let entries) = node.kind,
                let id = entries.first(where: { $0.0.scalar == "id" })?.1.scalar
            {
                earlier.append(id)
            } else {
                earlier.append("")
            }
        }
        if map["waves"] != nil, waves.isEmpty, !diagnostics.hasErrors {
            diagnostics.error("a study plan needs at least one wave", at: map.location(of: "waves"))
        }
        guard let id, let title, !waves.isEmpty else { return nil }
        return StudyPlan(id: id, title: title, arms: arms, waves: waves)
    }

    private func decodeWave(
        _ node: YAMLNode, earlier: [String], arms: [StudyPlan.Arm],
        load: (String, String?) -> Result<StudyPlanLoader.LoadedInstrument, StudyPlanLoader.InstrumentProblem>
    ) -> StudyPlan.Wave? {
        guard let map = MappingReader(node, PlanShapes.wave, what: "a wave", &diagnostics) else { return nil }
        let id = scalars.identifier(map["id"], "wave id")
        if let id, earlier.contains(id) {
            diagnostics.error("the wave `\(id)` is defined twice", at: map.location(of: "id"))
        }
        let label = scalars.text(map["label"], "the wave's label")
        var instrument: StudyPlanLoader.LoadedInstrument?
        let path = scalars.string(map["instrument"], "the instrument file")
        if let path, let pathNode = map["instrument"] {
            switch load(path, id) {
            case .success(let loaded): instrument = loaded
            case .failure(let problem):
                diagnostics.error("the instrument `\(path.sanitizedForMessage)` cannot be used: \(problem.message)", at: pathNode.location)
            }
        }
        var due: StudyPlan.Due?
        if !earlier.isEmpty, let text = scalars.string(map["due"], "when the wave is due"), let dueNode = map["due"] {
            due = decodeDue(text, at: dueNode.location, earlier: earlier)
        }
        if earlier.isEmpty, map.has("due") {
            diagnostics.error(
                "the first wave is where participants join, so it has no `due:`; give `due:` to later waves",
                at: map.location(of: "due"))
        } else if !earlier.isEmpty, due == nil, !map.has("due") {
            diagnostics.error(
                "a later wave needs `due:`, such as `due: 12 weeks after \(earlier[0])`", at: map.location(of: "id"))
        }
        var before = PlanDuration(1, .weeks), after = PlanDuration(2, .weeks)
        if let windowNode = map["window"] {
            if case .mapping = windowNode.kind,
                let window = MappingReader(windowNode, PlanShapes.window, what: "a window", &diagnostics)
            {
                if let text = scalars.string(window["before"], "the window before") {
                    before = duration(text, at: window.location(of: "before")) ?? before
                }
                if let text = scalars.string(window["after"], "the window after") {
                    after = duration(text, at: window.location(of: "after")) ?? after
                }
            } else if let text = scalars.string(windowNode, "the window"), let both = duration(text, at: windowNode.location) {
                before = both
                after = both
            }
        }
        var waveArms: [String]?
        if let armNodes = scalars.list(map["arms"], "the wave's arms") {
            waveArms = []
            for armNode in armNodes {
                guard let arm = scalars.identifier(armNode, "arm id") else { continue }
                if !arms.contains(where: { $0.id == arm }) {
                    let suggestion = Suggestions.closest(to: arm, in: arms.map(\.id))
                    diagnostics.error(
                        arms.isEmpty
                            ? "the wave names the arm `\(arm)`, but the plan has no `arms:`"
                            : "no arm `\(arm)` in the plan" + Suggestions.didYouMean(suggestion),
                        at: armNode.location, suggestion: suggestion)
                }
                waveArms?.append(arm)
            }
        }
        guard let id, let path, let instrument else { return nil }
        return StudyPlan.Wave(
            id: id, label: label, instrumentPath: path, instrument: instrument.instrument,
            instrumentSource: instrument.source, due: due, windowBefore: before,
            windowAfter: after, arms: waveArms, location: map.node.location)
    }

    /// `12 weeks after baseline`.
    private func decodeDue(_ text: String, at location: SourceLocation, earlier: [String]) -> StudyPlan.Due? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 4, parts[2] == "after", let interval = PlanDuration("\(parts[0]) \(parts[1])") else {
            diagnostics.error(
                "`due:` reads `N days|weeks|months after WAVE`, such as `12 weeks after baseline`, but found `\(text.sanitizedForMessage)`",
                at: location)
            return nil
        }
        let anchor = String(parts[3])
        guard earlier.contains(anchor) else {
            let suggestion = Suggestions.closest(to: anchor, in: earlier.filter { !$0.isEmpty })
            diagnostics.error(
                "`due:` counts from an earlier wave, and no earlier wave is `\(anchor.sanitizedForMessage)`"
                    + Suggestions.didYouMean(suggestion),
                at: location, suggestion: suggestion)
            return nil
        }
        return StudyPlan.Due(after: interval, anchor: anchor)
    }

    private func duration(_ text: String, at location: SourceLocation) -> PlanDuration? {
        guard let duration = PlanDuration(text) else {
            diagnostics.error(
                "a length of time reads `N days`, `N weeks` or `N months`, but found `\(text.sanitizedForMessage)`", at: location)
            return nil
        }
        return duration
    }
}
