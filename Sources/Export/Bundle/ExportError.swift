import Foundation
package import Analysis
package import Store

/// Why an export could not be made. Messages name files, options and variable ids, never answers.
package enum ExportError: Error, Sendable, CustomStringConvertible {
    /// The study database could not be read.
    case store(StoreError)
    /// The dataset could not be opened or read.
    case analysis(AnalysisError)
    /// An unknown `--format` value.
    case unknownFormat(String, suggestion: String?)
    /// The target directory holds files that are not an earlier export of ours.
    case targetNotEmpty(path: String, example: String)
    /// The target exists and is not a directory.
    case targetNotDirectory(path: String)
    /// A file could not be written.
    case io(path: String, detail: String)
    /// ReadStat refused to write a file.
    case readStat(file: String, detail: String)

    /// The message for the user.
    package var description: String {
        switch self {
        case .store(let error): return error.description
        case .analysis(let error): return error.description
        case .unknownFormat(let name, let suggestion):
            let list = ExportFormatID.allCases.map(\.rawValue).joined(separator: ", ")
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                return "`--format` is empty. Choose from \(list), or all."
            }
            let hint = suggestion.map { " Did you mean `\($0)`?" } ?? ""
            return "`--format` has `\(name)`, which is not a format.\(hint) Choose from \(list), or all."
        case .targetNotEmpty(let path, let example):
            return
                "\(path): the directory holds files that are not from an earlier peersurvey export (such as `\(example)`); choose an empty or new directory."
        case .targetNotDirectory(let path):
            return "\(path): this is a file, not a directory; give `--to` a directory."
        case .io(let path, let detail): return "\(path): \(detail)"
        case .readStat(let file, let detail): return "\(file): ReadStat could not write the file: \(detail)"
        }
    }
}
