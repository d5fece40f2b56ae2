/// The kind of value a key takes, for the JSON Schema and for messages.
indirect enum ValueShape: Sendable {
    case string(pattern: String?)
    case integer(minimum: Int?)
    case number
    case boolean
    /// A text: a string, or a mapping from language code to string.
    case text
    /// An expression, written as a string.
    case expression
    case list(ValueShape, minItems: Int)
    case object(String)
    case map(ValueShape)
    case oneOf([ValueShape])
    case enumeration([String])
    /// `[low, high]`
    case pair(ValueShape)
    case any
}

/// One key of a mapping.
struct KeySpec: Sendable {
    var name: String
    var shape: ValueShape
    var required: Bool
    var summary: String
}

/// The keys a kind of mapping accepts: the single source for unknown-key errors, required-key
/// errors and the JSON Schema.
struct Shape: Sendable {
    var name: String
    var summary: String
    var keys: [KeySpec]

    var keyNames: [String] { keys.map(\.name) }
    func spec(_ key: String) -> KeySpec? { keys.first { $0.name == key } }
}

/// Patterns shared by the loader and the schema.
enum Patterns {
    static let instrumentID = "^[a-z][a-z0-9-]{0,63}$"
    static let name = "^[A-Za-z][A-Za-z0-9_]*$"
    static let optionName = "^[a-z][a-z0-9_]*$"
    static let language = "^[a-z]{2,3}$"
    static let date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
}

/// Every shape of the instrument format. Keep in step with docs/instrument-format.md (a test
/// checks that every key here is documented there).
enum Shapes {
    static func key(_ name: String, _ shape: ValueShape, required: Bool = false, _ summary: String) -> KeySpec {
        KeySpec(name: name, shape: shape, required: required, summary: summary)
    }

    static let missingKinds = MissingKind.allCases.map(\.key)
    static let questionTypes = QuestionType.allCases.map(\.rawValue)
    static let ruleValue: ValueShape = .oneOf([.object("rule"), .list(.object("rule"), minItems: 1)])
    static let optionsValue: ValueShape = .oneOf([.string(pattern: Patterns.name), .list(.object("option"), minItems: 1)])

    static let instrument = Shape(name: "instrument", summary: "A peersurvey instrument.", keys: [
        key("instrument", .string(pattern: Patterns.instrumentID), required: true, "The stable id of the instrument."),
        key("version", .integer(minimum: 1), required: true, "Raise it whenever the questions change."),
        key("title", .text, required: true, "Shown at the top of the interview and in codebooks."),
        key("description", .text, "A paragraph for the codebook."),
        key("languages", .list(.string(pattern: Patterns.language), minItems: 1), "Languages every text is written in; the first is the default."),
        key("consent", .object("consent"), "What the participant agrees to before the first question."),
        key("support", .object("support"), "What the pause screen shows."),
        key("missing", .object("missing"), "Overrides of the missing codes."),
        key("option_sets", .map(.list(.object("option"), minItems: 1)), "Reusable answer lists by name."),
        key("sections", .list(.object("section"), minItems: 1), required: true, "The questions, in the order they are asked."),
        key("scores", .list(.object("score"), minItems: 0), "Scale scores computed from items."),
        key("safeguards", .list(.object("safeguard"), minItems: 0), "Scripts shown to the interviewer when a condition becomes true."),
        key("tests", .list(.object("test"), minItems: 0), "Executable examples run by `peersurvey test`."),
    ])

    static let consent = Shape(name: "consent", summary: "Consent text and statements.", keys: [
        key("text", .text, required: true, "Read to the participant before the statements."),
        key("statements", .list(.text, minItems: 1), required: true, "Each must be agreed before the first question."),
    ])

    static let support = Shape(name: "support", summary: "Support shown when the interview is paused.", keys: [
        key("text", .text, required: true, "Helplines and who to talk to."),
    ])

    static let missingCode = Shape(name: "missingCode", summary: "A missing code.", keys: [
        key("code", .integer(minimum: nil), required: true, "The number exported in place of an answer."),
        key("label", .text, required: true, "The label in codebooks."),
    ])

    static let missing = Shape(name: "missing", summary: "Overrides of the missing codes.", keys:
        missingKinds.map { key($0, .object("missingCode"), "The code and label for \($0).") })

    static let option = Shape(name: "option", summary: "One answer option.", keys: [
        key("code", .integer(minimum: 0), required: true, "The number stored and exported."),
        key("name", .string(pattern: Patterns.optionName), "The name expressions and tests use."),
        key("label", .text, required: true, "What the participant hears."),
        key("specify", .text, "Makes this an \"other, please say\" option, with this follow-up question."),
        key("exclusive", .boolean, "Choosing it clears the other options (multiple choice)."),
    ])

    static let section = Shape(name: "section", summary: "A titled group of questions.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "The section's name."),
        key("title", .text, required: true, "Shown above every question in the section."),
        key("intro", .text, "Read out when the section starts."),
        key("ask_if", .expression, "The whole section is skipped when false."),
        key("questions", .list(.object("question"), minItems: 1), required: true, "The questions, in order."),
    ])

    static let question = Shape(name: "question", summary: "One question.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "The variable name in every export."),
        key("type", .enumeration(questionTypes), required: true, "The kind of answer."),
        key("text", .text, "The wording, read aloud."),
        key("label", .text, "A short variable label for codebooks."),
        key("hint", .text, "Extra words shown to the participant."),
        key("interviewer", .text, "An instruction only the interviewer sees."),
        key("ask_if", .expression, "Asked only when true."),
        key("allow", .list(.enumeration(MissingKind.givable.map(\.key)), minItems: 0), "Missing answers the participant may give."),
        key("check", ruleValue, "Hard checks: the answer is rejected while a condition is true."),
        key("warn", ruleValue, "Soft warnings: the interviewer confirms or changes the answer."),
        key("default", .any, "A pre-filled answer."),
        key("identifying", .boolean, "Sealed at capture; never stored or exported in plain text."),
        key("options", optionsValue, "The options, or the name of an option set."),
        key("items", .list(.object("item"), minItems: 1), "The items of a grid."),
        key("range", .pair(.oneOf([.number, .string(pattern: nil)])), "Inclusive bounds of a number or date."),
        key("decimals", .integer(minimum: 0), "The most digits after the point."),
        key("length", .pair(.integer(minimum: 0)), "Bounds of a text's length in characters."),
        key("long", .boolean, "A paragraph rather than one line."),
        key("expression", .expression, "The value of a calculation."),
    ])

    static let item = Shape(name: "item", summary: "One item of a grid.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "The item's variable name."),
        key("text", .text, required: true, "The item's wording."),
        key("label", .text, "A short label for codebooks."),
    ])

    static let rule = Shape(name: "rule", summary: "A check or warning.", keys: [
        key("if", .expression, required: true, "When true, the check fires."),
        key("message", .text, required: true, "Shown under the answer."),
    ])

    static let score = Shape(name: "score", summary: "A scale score.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "The score's variable name."),
        key("label", .text, "For codebooks and reports."),
        key("items", .list(.string(pattern: Patterns.name), minItems: 2), required: true, "The item variables."),
        key("method", .enumeration(Score.Method.allCases.map(\.rawValue)), "`sum` or `mean` (the default)."),
        key("reverse", .list(.string(pattern: Patterns.name), minItems: 0), "Items reverse-coded before scoring."),
        key("min_answered", .integer(minimum: 1), "The fewest answered items for a score."),
    ])

    static let safeguard = Shape(name: "safeguard", summary: "A script for the interviewer.", keys: [
        key("id", .string(pattern: Patterns.name), required: true, "Logged when the safeguard fires."),
        key("when", .expression, required: true, "Checked after every answer."),
        key("script", .text, required: true, "What the interviewer says or does."),
        key("after", .string(pattern: Patterns.name), "A question, grid or score to wait for: fires only once all of it is answered."),
    ])

    static let test = Shape(name: "test", summary: "An executable example.", keys: [
        key("name", .string(pattern: nil), required: true, "Printed with pass or fail."),
        key("language", .string(pattern: Patterns.language), "The language the case runs in."),
        key("today", .string(pattern: Patterns.date), "The date `today()` returns."),
        key("answers", .map(.any), "The answers given when each question is asked."),
        key("expect", .object("expect"), required: true, "What must be true at the end."),
    ])

    static let expect = Shape(name: "expect", summary: "What a test expects.", keys: [
        key("asked", .list(.string(pattern: Patterns.name), minItems: 0), "Variables that must be asked."),
        key("skipped", .list(.string(pattern: Patterns.name), minItems: 0), "Variables that must be routed past."),
        key("values", .map(.any), "Final values of variables."),
        key("scores", .map(.oneOf([.number, .enumeration(["missing"])])), "Final values of scores."),
        key("safeguards", .list(.string(pattern: Patterns.name), minItems: 0), "Exactly the safeguards that fire."),
    ])

    static let all: [Shape] = [
        instrument, consent, support, missing, missingCode, option, section, question, item, rule, score,
        safeguard, test, expect,
    ]
}
