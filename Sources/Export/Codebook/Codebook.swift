
/// A text in one language.
public struct LanguageText: Sendable, Equatable, Codable {
    /// The language code.
    public var language: String
    /// The text.
    public var text: String
}

/// The human codebook's content: the instrument, then every variable with its wording in every
/// language, codes, missing codes, checks, routing in plain words, scores and (when a study
/// database is given) frequencies after small-cell suppression. The Markdown, HTML and JSON
/// codebooks render this one value; ``CodebookBuilder`` makes it.
public struct Codebook: Sendable, Equatable, Codable {
    /// The instrument.
    public struct Header: Sendable, Equatable, Codable {
        /// The instrument's id.
        public var id: String
        /// Its version.
        public var version: Int
        /// Its title in every language.
        public var title: [LanguageText]
        /// Its description in every language.
        public var description: [LanguageText]
        /// The languages, default first.
        public var languages: [String]
    }

    /// The study the frequencies come from.
    public struct Study: Sendable, Equatable, Codable {
        /// The study's title.
        public var title: String?
        /// The versions of the instrument read.
        public var versions: [Int]
        /// Interviews read.
        public var interviews: Int
        /// The statuses of the interviews read (`completed`; an export reads broken-off,
        /// suspended and active interviews too).
        public var statuses: [String]
        /// How many of them `peersurvey simulate` made.
        public var simulated: Int
        /// What small-cell suppression hid, in a sentence.
        public var suppression: String
        /// Counts from 1 to `minCell - 1` are hidden.
        public var minCell: Int
    }

    /// A section and its variables.
    public struct Part: Sendable, Equatable, Codable {
        /// The section's id (`metadata` for interview metadata).
        public var id: String
        /// Its title in every language.
        public var title: [LanguageText]
        /// Its introduction in every language.
        public var intro: [LanguageText]
        /// Who is asked the section, when not everyone.
        public var condition: PlainCondition?
        /// The variables.
        public var variables: [CodebookVariable]
    }

    /// A missing code of the instrument.
    public struct MissingCodeEntry: Sendable, Equatable, Codable {
        /// The reason (`refused`, `dont_know`, ...).
        public var kind: String
        /// The code written for it.
        public var code: Int
        /// Its label in every language.
        public var label: [LanguageText]
    }

    /// What the codebook describes.
    public var instrument: Header
    /// The study, when frequencies were read from one.
    public var study: Study?
    /// The missing codes in force.
    public var missingCodes: [MissingCodeEntry]
    /// Interview metadata, then each section.
    public var parts: [Part]
    /// Sentences about what is and is not exported.
    public var notes: [String]

    /// Every variable, in order.
    public var variables: [CodebookVariable] { parts.flatMap(\.variables) }
}

/// One variable of a codebook.
public struct CodebookVariable: Sendable, Equatable, Codable {
    /// Whether and how the variable's values leave the study.
    public enum Export: String, Sendable, Equatable, Codable {
        /// In every coded dataset.
        case exported
        /// Identifying: sealed in the study database, never exported.
        case sealed
        /// Free text: exported (masked) only with `--include-text`.
        case textOnRequest = "text_on_request"
        /// A note: words read out or shown, with no answer and no column.
        case readOut = "read_out"
    }

    /// One code and its label.
    public struct Code: Sendable, Equatable, Codable {
        /// The code.
        public var code: Int
        /// The option's name in expressions.
        public var name: String?
        /// The label in every language.
        public var label: [LanguageText]
        /// Whether choosing it clears the other options.
        public var exclusive: Bool
        /// Whether choosing it asks "please say".
        public var asksToSpecify: Bool
    }

    /// A missing code that can occur in the variable.
    public struct Missing: Sendable, Equatable, Codable {
        /// The reason.
        public var kind: String
        /// The code.
        public var code: Int
        /// The label in the default language.
        public var label: String
    }

    /// A hard check or a soft warning on the answer.
    public struct Rule: Sendable, Equatable, Codable {
        /// `check` (cannot continue) or `warning` (confirm to continue).
        public var severity: String
        /// When it fires, in words.
        public var condition: PlainCondition
        /// The expression as written.
        public var expression: String
        /// What the interviewer sees, in every language.
        public var message: [LanguageText]
    }

    /// How a score is computed.
    public struct ScoreDefinition: Sendable, Equatable, Codable {
        /// The items.
        public var items: [String]
        /// `mean` or `sum`.
        public var method: String
        /// Items reverse-coded first.
        public var reversed: [String]
        /// The fewest answered items for a score.
        public var minAnswered: Int
    }

    /// A column of the coded datasets that holds the variable.
    public struct Column: Sendable, Equatable, Codable {
        /// The column's name.
        public var name: String
        /// Its label.
        public var label: String
        /// `numeric` or `string`.
        public var storage: String
    }

    /// The name.
    public var name: String
    /// The short label in the default language.
    public var label: String
    /// The type in words (`single choice`, `whole number`, ...).
    public var type: String
    /// Whether and how it is exported.
    public var export: Export
    /// The wording read aloud, in every language (empty for calculations, scores, metadata).
    public var wording: [LanguageText]
    /// Extra words for the participant, in every language.
    public var hint: [LanguageText]
    /// The interviewer's instruction, in every language.
    public var interviewer: [LanguageText]
    /// The codes and their labels.
    public var codes: [Code]
    /// The missing codes that can occur.
    public var missingCodes: [Missing]
    /// The allowed range or length in words (`0 to 200`).
    public var range: String?
    /// Checks and warnings.
    public var rules: [Rule]
    /// Who is asked.
    public var routing: Routing
    /// For a calculation, its expression.
    public var calculation: String?
    /// For a score, how it is computed.
    public var score: ScoreDefinition?
    /// The columns of the coded datasets that hold it (several for multiple choice).
    public var columns: [Column]
    /// Frequencies or statistics, when a study was read and the variable is not sealed.
    public var frequencies: CodebookFrequencies?
}
