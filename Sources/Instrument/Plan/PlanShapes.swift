/// The keys of a study plan: the single source for unknown-key errors, required-key errors and
/// docs/studies.md (a test checks that every key is documented there).
enum PlanShapes {
    static func key(_ name: String, _ shape: ValueShape, required: Bool = false, _ summary: String) -> KeySpec {
        KeySpec(name: name, shape: shape, required: required, summary: summary)
    }

    static let plan = Shape(name: "studyPlan", summary: "A peersurvey study plan.", keys: [
        key("study", .string(pattern: Patterns.instrumentID), required: true, "The stable id of the study plan."),
        key("title", .text, required: true, "The study's title."),
        key("languages", .list(.string(pattern: Patterns.language), minItems: 1), "Languages the plan's texts are written in."),
        key("arms", .list(.object("arm"), minItems: 1), "Arms participants are allocated to at the first wave."),
        key("waves", .list(.object("wave"), minItems: 1), required: true, "The waves, first to last."),
    ])

    static let arm = Shape(name: "arm", summary: "An arm of the study.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "The arm's id."),
        key("label", .text, required: true, "The arm's label."),
    ])

    static let wave = Shape(name: "wave", summary: "One wave of interviews.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "The wave's id, used on the command line and in expressions."),
        key("label", .text, "A label for reports."),
        key("instrument", .string(pattern: nil), required: true, "The instrument file, relative to the plan."),
        key("due", .string(pattern: nil), "When it is due: `12 weeks after baseline` (not on the first wave)."),
        key("window", .any, "How long around the due day it may be done: `2 weeks`, or `{before: 1 week, after: 3 weeks}`."),
        key("arms", .list(.string(pattern: Patterns.name), minItems: 1), "The arms it is for (all when left out)."),
    ])

    static let window = Shape(name: "window", summary: "A window around the due day.", keys: [
        key("before", .string(pattern: nil), "How long before the due day."),
        key("after", .string(pattern: nil), "How long after the due day."),
    ])

    static let all = [plan, arm, wave, window]
}
