
/// A text in one language.
package struct LanguageText: Sendable, Equatable, Codable {
    /// The language code.
    package var language: String
    /// The text.
    package var text: String
}

/// The human codebook's content: the instrument, then every variable with its wording in every
/// language, codes, missing codes, checks, routing in plain words, scores and (when a study
/// database is given) frequencies after small-cell suppression. The Markdown, HTML and JSON
/// codebooks render this one value; ``CodebookBuilder`` makes it.
package struct Codebook: Sendable, Equatable, Codable {
    /// The instrument.
    package struct Header: Sendable, Equatable, Codable {
        /// The instrument's id.
        package var id: String
        /// Its version.
        package var version: Int
        /// Its title in every language.
        package var title: [LanguageText]
        /// Its description in every language.
        package var description: [LanguageText]
        /// The languages, default first.
        package var languages: [String]
    }

    /// The study the frequencies come from.
    package struct Study: Sendable, Equatable, Codable {
        /// The study's title.
        package var title: String?
        /// The versions of the instrument read.
        package var versions: [Int]
        /// Interviews read.
        package var interviews: Int
        /// The statuses of the interviews read (`completed`; an export reads broken-off,
        /// suspended and active interviews too).
        package var statuses: [String]
        /// How many of them `peersurvey simulate` made.
        package var simulated: Int
        /// What small-cell suppression hid, in a sentence.
        package var suppression: String
        /// Counts from 1 to `minCell - 1` are hidden.
        package var minCell: Int
    }

    /// A section and its variables.
    package struct Part: Sendable, Equatable, Codable {
        /// The section's id (`metadata` for interview metadata).
        package var id: String
        /// Its title in every language.
        package var title: [LanguageText]
        /// Its introduction in every language.
        package var intro: [LanguageText]
        /// Who is asked the section, when not everyone.
        package var condition: PlainCondition?
        /// The variables.
        package var variables: [CodebookVariable]
    }

    /// A missing code of the instrument.
    package struct MissingCodeEntry: Sendable, Equatable, Codable {
        /// The reason (`refused`, `dont_know`, ...).
        package var kind: String
        /// The code written for it.
        package var code: Int
        /// Its label in every language.
        package var label: [LanguageText]
    }

    /// What the codebook describes.
    package var instrument: Header
    /// The study, when frequencies were read from one.
    package var study: Study?
    /// The missing codes in force.
    package var missingCodes: [MissingCodeEntry]
    /// Interview metadata, then each section.
    package var parts: [Part]
    /// Sentences about what is and is not exported.
    package var notes: [String]

    /// Every variable, in order.
    package var variables: [CodebookVariable] { parts.flatMap(\.variables) }
}

/// One variable of a codebook.
package struct CodebookVariable: Sendable, Equatable, Codable {
    /// Whether and how the variable's values leave the study.
    package enum Export: String, Sendable, Equatable, Codable {
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
    package struct Code: Sendable, Equatable, Codable {
        /// The code.
        package var code: Int
        /// The option's name in expressions.
        package var name: String?
        /// The label in every language.
        package var label: [LanguageText]
        /// Whether choosing it clears the other options.
        package var exclusive: Bool
        /// Whether choosing it asks "please say".
        package var asksToSpecify: Bool
    }

    /// A missing code that can occur in the variable.
    package struct Missing: Sendable, Equatable, Codable {
        /// The reason.
        package var kind: String
        /// The code.
        package var code: Int
        /// The label in the default language.
        package var label: String
    }

    /// A hard check or a soft warning on the answer.
    package struct Rule: Sendable, Equatable, Codable {
        /// `check` (cannot continue) or `warning` (confirm to continue).
        package var severity: String
        /// When it fires, in words.
        package var condition: PlainCondition
        /// The expression as written.
        package var expression: String
        /// What the interviewer sees, in every language.
        package var message: [LanguageText]
    }

    /// How a score is computed.
    package struct ScoreDefinition: Sendable, Equatable, Codable {
        /// The items.
        package var items: [String]
        /// `mean` or `sum`.
        package var method: String
        /// Items reverse-coded first.
        package var reversed: [String]
        /// The fewest answered items for a score.
        package var minAnswered: Int
    }

    /// A column of the coded datasets that holds the variable.
    package struct Column: Sendable, Equatable, Codable {
        /// The column's name.
        package var name: String
        /// Its label.
        package var label: String
        /// `numeric` or `string`.
        package var storage: String
    }

    /// The name.
    package var name: String
    /// The short label in the default language.
    package var label: String
    /// The type in words (`single choice`, `whole number`, ...).
    package var type: String
    /// Whether and how it is exported.
    package var export: Export
    /// The wording read aloud, in every language (empty for calculations, scores, metadata).
    package var wording: [LanguageText]
    /// Extra words for the participant, in every language.
    package var hint: [LanguageText]
    /// The interviewer's instruction, in every language.
    package var interviewer: [LanguageText]
    /// The codes and their labels.
    package var codes: [Code]
    /// The missing codes that can occur.
    package var missingCodes: [Missing]
    /// The allowed range or length in words (`0 to 200`).
    package var range: String?
    /// Checks and warnings.
    package var rules: [Rule]
    /// Who is asked.
    package var routing: Routing
    /// For a calculation, its expression.
    package var calculation: String?
    /// For a score, how it is computed.
    package var score: ScoreDefinition?
    /// The columns of the coded datasets that hold it (several for multiple choice).
    package var columns: [Column]
    /// Frequencies or statistics, when a study was read and the variable is not sealed.
    package var frequencies: CodebookFrequencies?
}
