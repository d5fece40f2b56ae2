import Foundation
package import Instrument
package import Interview

/// Turns what the interviewer typed into an answer for the current prompt. Options are chosen by
/// the number shown beside them (1, 2, 3, ...), not by their codes.
package enum AnswerParser {
    /// Parses typed text.
    /// - Parameters:
    ///   - input: The text as typed (for a text question it is kept exactly).
    ///   - prompt: The current prompt.
    ///   - words: The program's words in the interview's language, for the messages.
    /// - Returns: The answer, or a message saying what to type.
    package static func parse(_ input: String, for prompt: Prompt, words: InterviewerWords = .english) -> Result<Answer, Message> {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        switch prompt.input {
        case .oneOption:
            guard let number = Int(trimmed), (1...prompt.options.count).contains(number) else {
                return .failure(Message(words.typeNumberFromOneTo(prompt.options.count)))
            }
            return .success(.value(.choice(prompt.options[number - 1].code)))
        case .options:
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            var codes: [Int] = []
            for part in parts {
                guard let number = Int(part), (1...prompt.options.count).contains(number) else {
                    return .failure(Message(words.typeNumbersThatApply(prompt.options.count)))
                }
                let code = prompt.options[number - 1].code
                if !codes.contains(code) { codes.append(code) }
            }
            guard !codes.isEmpty else { return .failure(Message(words.typeNumbersThatApply(prompt.options.count))) }
            return .success(.value(.set(codes.sorted())))
        case .wholeNumber:
            guard let number = Int(trimmed.replacingOccurrences(of: ",", with: "")) else {
                return .failure(Message(words.typeWholeNumber))
            }
            return .success(.value(.number(Double(number))))
        case .number:
            guard let number = Double(trimmed), number.isFinite, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
                return .failure(Message(words.typeNumber))
            }
            return .success(.value(.number(number)))
        case .date:
            guard let day = parseDate(trimmed) else {
                return .failure(Message(words.typeDate))
            }
            return .success(.value(.date(day)))
        case .text:
            return .success(.value(.text(input)))
        case .readOut:
            return .failure(Message(words.pressEnterToGoOn))
        }
    }

    /// `2026-11-23`, or `23/11/2026` (day first, as in the UK).
    static func parseDate(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2], year >= 1000 else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// A message for the interviewer: what to type instead.
    package struct Message: Error, Equatable {
        /// The sentence.
        package var text: String
        init(_ text: String) { self.text = text }
    }
}
