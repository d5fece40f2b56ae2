/// An instrument as an importer builds it, before it is written as YAML: the source's questions in
/// the terms of the instrument format, each with a note of where it came from.
package struct DraftInstrument: Sendable {
    /// The instrument id (`[a-z][a-z0-9-]*`).
    package var id: String
    /// Raised whenever the questions change.
    package var version = 1
    /// The title.
    package var title: Texts
    /// A paragraph for codebooks.
    package var description: Texts?
    /// The languages, the default first.
    package var languages: [String]
    /// Reusable option lists, in the order they were first used.
    package var optionSets: [(name: String, options: [DraftOption])] = []
    /// The sections in asking order.
    package var sections: [DraftSection] = []
    /// Scale scores.
    package var scores: [DraftScore] = []
    /// Test cases, generated from the routing once the instrument is settled.
    package var tests: [DraftTest] = []
    /// The first lines of the file: what it was imported from.
    package var header: [String] = []

    /// Creates a draft.
    package init(id: String, title: Texts, languages: [String]) {
        self.id = id
        self.title = title
        self.languages = languages
    }

    /// Every question, in order.
    package var questions: [DraftQuestion] { sections.flatMap(\.questions) }
}

/// A section of a draft.
package struct DraftSection: Sendable {
    /// The section's name.
    package var id: String
    /// Its title.
    package var title: Texts
    /// Read out when it starts.
    package var intro: Texts?
    /// Skipped as a whole when false (an expression in the instrument language).
    package var askIf: DraftExpression?
    /// The questions.
    package var questions: [DraftQuestion] = []
    /// Where it came from (`dictionary.csv row 14`).
    package var origin: String?

    /// Creates a section.
    package init(id: String, title: Texts, origin: String? = nil) {
        self.id = id
        self.title = title
        self.origin = origin
    }
}

/// An expression translated into the instrument language, with the source it came from so that
/// a translation the checker refuses can be reported against the source.
package struct DraftExpression: Sendable, Hashable {
    /// The expression in the instrument language.
    package var text: String
    /// The source's own expression.
    package var original: String
    /// Where the original is (`dictionary.csv:14`).
    package var location: String

    /// Creates an expression.
    package init(_ text: String, original: String, location: String) {
        self.text = text
        self.original = original
        self.location = location
    }
}

/// A hard check: fires when the condition is true.
package struct DraftCheck: Sendable {
    /// When true, the answer is rejected.
    package var condition: DraftExpression
    /// What to say.
    package var message: Texts
}

/// The options of a choice or grid question: inline, or the name of an option set.
package enum DraftOptions: Sendable {
    /// Written with the question.
    case inline([DraftOption])
    /// An entry of `option_sets`.
    case set(String)
}

/// One option.
package struct DraftOption: Sendable, Hashable {
    /// The code stored and exported.
    package var code: Int
    /// The name expressions use, when there is one.
    package var name: String?
    /// What the participant hears.
    package var label: Texts
    /// The follow-up of an "other, please say" option.
    package var specify: Texts?
    /// Clears the other options of a multiple choice.
    package var exclusive = false

    /// Creates an option.
    package init(code: Int, name: String? = nil, label: Texts, specify: Texts? = nil, exclusive: Bool = false) {
        self.code = code
        self.name = name
        self.label = label
        self.specify = specify
        self.exclusive = exclusive
    }
}

/// One item of a grid.
package struct DraftItem: Sendable {
    /// The variable name.
    package var id: String
    /// The wording.
    package var text: Texts
    /// Where it came from.
    package var origin: String?
}

/// A question's answer type with the keys that belong to it.
package enum DraftKind: Sendable {
    case single(DraftOptions)
    case multiple(DraftOptions)
    case integer(range: (String, String)?)
    case decimal(range: (String, String)?, decimals: Int?)
    case text(long: Bool)
    case date(range: (String, String)?)
    case note
    case calculate(DraftExpression)
    case grid(DraftOptions, items: [DraftItem])

    /// The type's word in YAML.
    package var typeName: String {
        switch self {
        case .single: return "single"
        case .multiple: return "multiple"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .text: return "text"
        case .date: return "date"
        case .note: return "note"
        case .calculate: return "calculate"
        case .grid: return "grid"
        }
    }

    /// Whether the question takes an answer of its own (so `allow`, `check` and `default`).
    package var takesAnswer: Bool {
        switch self {
        case .note, .calculate, .grid: return false
        default: return true
        }
    }
}

/// One question of a draft.
package struct DraftQuestion: Sendable {
    /// The variable name.
    package var id: String
    /// The answer type.
    package var kind: DraftKind
    /// The wording (absent for calculations).
    package var text: Texts?
    /// Extra words for the participant.
    package var hint: Texts?
    /// An instruction for the interviewer.
    package var interviewer: Texts?
    /// Asked only when true.
    package var askIf: DraftExpression?
    /// Whether an answer is required (`allow: []`).
    package var required = false
    /// Hard checks.
    package var checks: [DraftCheck] = []
    /// A pre-filled answer, written as YAML would take it (`3`, `"text"`, `[a, b]`, `today`).
    package var defaultValue: String?
    /// Sealed at capture.
    package var identifying = false
    /// Where it came from (`dictionary.csv row 14`).
    package var origin: String
    /// Where it came from, as a report location (`dictionary.csv:14`).
    package var location: String

    /// Creates a question.
    package init(id: String, kind: DraftKind, text: Texts?, origin: String, location: String) {
        self.id = id
        self.kind = kind
        self.text = text
        self.origin = origin
        self.location = location
    }
}

/// A scale score.
package struct DraftScore: Sendable {
    /// The score's variable.
    package var id: String
    /// Its label.
    package var label: Texts?
    /// Its items.
    package var items: [String]
    /// `sum` or `mean`.
    package var method: String
    /// Where it came from.
    package var origin: String?
}

/// A generated test case.
package struct DraftTest: Sendable {
    /// Its name.
    package var name: String
    /// The answers, in asking order, each written as YAML takes it.
    package var answers: [(id: String, value: String)]
    /// Variables expected to be asked.
    package var asked: [String]
    /// Variables expected to be skipped.
    package var skipped: [String]
    /// Scores expected, written as YAML takes them.
    package var scores: [(id: String, value: String)] = []
    /// The day the case runs on (`YYYY-MM-DD`), for instruments with dates: a case found for one
    /// day keeps passing on later ones.
    package var today: String?
}
