package import Instrument

/// Converts the interview engine's ``Answer`` to what the `answer` table holds and back.
package enum AnswerCodec {
    /// The status and value columns of an answer.
    package static func encode(_ answer: Answer) -> (status: StoredStatus, value: StoredValue?) {
        switch answer {
        case .value(let value): return (.answered, encode(value))
        case .refused: return (.refused, nil)
        case .dontKnow: return (.dontKnow, nil)
        case .notApplicable: return (.notApplicable, nil)
        case .notReached: return (.notReached, nil)
        case .notInVersion: return (.notInVersion, nil)
        }
    }

    /// A value as stored: numbers as numbers.
    package static func encode(_ value: Value) -> StoredValue {
        switch value {
        case .number(let number):
            // Whole numbers up to 2^53 - 1 as integers (exact); larger ones (decimal answers and
            // calculations only: integer answers stop there) as reals.
            if number.rounded() == number, abs(number) <= Value.largestExactInteger { return .integer(Int64(number)) }
            return .real(number)
        case .choice(let code): return .integer(Int64(code))
        case .boolean(let flag): return .integer(flag ? 1 : 0)
        case .text(let text): return .text(text)
        case .date(let day): return .text(day.description)
        case .set(let codes): return .text(StoredFormat.codesText(codes))
        // Never stored: the recorder refuses a sealed placeholder before encoding (see
        // `InterviewRecorder.save`); the bulk path only ever gets values it was given.
        case .sealed: return .text("")
        }
    }

    /// The text sealed for an identifying value (the same text as ``encode(_:)-swift.type.method``
    /// would store, so that unsealing can decode it by the variable's type).
    package static func sealable(_ value: Value) -> String {
        switch encode(value) {
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text
        }
    }

    /// An answer read back, decoded by the variable's type.
    /// - Returns: `nil` when the stored value does not fit the type (a damaged row).
    package static func decode(status: StoredStatus, value: StoredValue?, type: ValueType) -> Answer? {
        switch status {
        case .refused: return .refused
        case .dontKnow: return .dontKnow
        case .notApplicable: return .notApplicable
        case .notReached: return .notReached
        case .notInVersion: return .notInVersion
        case .answered: break
        }
        guard let value else { return nil }
        switch (type, value) {
        case (.number, .integer(let number)): return .value(.number(Double(number)))
        case (.number, .real(let number)): return .value(.number(number))
        case (.choice, .integer(let code)): return .value(.choice(Int(code)))
        case (.boolean, .integer(let flag)): return .value(.boolean(flag != 0))
        case (.text, .text(let text)): return .value(.text(text))
        case (.date, .text(let text)):
            var text = text
            return text.withUTF8 { StoredFormat.day($0) }.map { .value(.date(Day(ordinal: $0))) }
        case (.set, .text(let text)):
            var text = text, codes: [Int] = []
            guard text.withUTF8({ StoredFormat.codes($0, into: &codes) }) else { return nil }
            return .value(.set(codes))
        default: return nil
        }
    }
}
