/// Who an export is for.
package enum ExportProfile: String, Sendable, Equatable, CaseIterable, Codable {
    /// For analysts and archives: identifying variables dropped, participant codes replaced by
    /// pseudonyms, dates coarsened, free text only on request and then masked.
    case deidentified
    /// For the data custodian: participant codes and full dates kept. Identifying variables are
    /// still never exported (only `unseal` reveals them).
    case custodian
}

/// The choices that shape an export's columns.
package struct ExportOptions: Sendable, Equatable {
    /// Who the export is for.
    package var profile: ExportProfile
    /// Whether free-text answers are exported (masked).
    package var includeText: Bool

    /// Creates options; de-identified without free text by default.
    package init(profile: ExportProfile = .deidentified, includeText: Bool = false) {
        self.profile = profile
        self.includeText = includeText
    }
}

/// A variable an export leaves out, and why.
package struct DroppedVariable: Sendable, Equatable, Codable {
    /// Why a variable is left out.
    package enum Reason: String, Sendable, Equatable, Codable {
        /// Its answers identify the participant; they are sealed and never exported.
        case identifying
        /// Free text, exported only with `--include-text`.
        case freeText = "free_text"
    }

    /// The instrument variable.
    package var variableID: String
    /// Why.
    package var reason: Reason

    /// Creates an entry.
    package init(variableID: String, reason: Reason) {
        self.variableID = variableID
        self.reason = reason
    }
}
