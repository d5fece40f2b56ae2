import Foundation

/// Makes the source's names into names the instrument format takes, the same way for every
/// importer: variable names for SPSS, Stata and R, option names, section and instrument ids.
/// Each name keeps its source spelling where it can; a changed name is reported by the caller.
package struct Names: Sendable {
    /// The variable names taken so far, lowercased (variable names must differ ignoring case).
    private var taken: Set<String> = []

    /// SPSS and Stata reserved words (as the checker lists them).
    static let reserved: Set<String> = [
        "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
        "byte", "double", "float", "if", "in", "int", "long", "strl", "using",
    ]

    /// Creates an empty set of names.
    package init() {}

    /// A variable name for `source`, unique in the instrument.
    /// - Parameters:
    ///   - source: The source's name.
    ///   - maximumLength: 32, or 26 for a choice question, so that `<name>_97_text` still fits.
    /// - Returns: The name: letters, digits and `_`, starting with a letter.
    package mutating func variable(_ source: String, maximumLength: Int = 32) -> String {
        var name = Self.cleaned(source, lowercase: false)
        if name.isEmpty || !(name.first!.isLetter) { name = "q_" + name }
        if Self.reserved.contains(name.lowercased()) || name.lowercased().hasPrefix("ps_")
            || (name.lowercased().hasPrefix("str") && name.count > 3 && name.dropFirst(3).allSatisfy(\.isNumber))
        {
            name += "_"
        }
        name = String(name.prefix(maximumLength))
        var candidate = name
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            candidate = String(name.prefix(maximumLength - String(counter).count - 1)) + "_\(counter)"
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Marks a name as taken without changing it.
    package mutating func reserve(_ name: String) { taken.insert(name.lowercased()) }

    /// Whether a name is taken.
    package func isTaken(_ name: String) -> Bool { taken.contains(name.lowercased()) }

    /// An option name for `source` (`[a-z][a-z0-9_]*`), or `nil` when nothing of it is usable.
    package static func option(_ source: String) -> String? {
        var name = cleaned(source, lowercase: true)
        guard !name.isEmpty else { return nil }
        if !name.first!.isLetter { name = "o_" + name }
        if ["refused", "dont_know", "not_applicable"].contains(name) || LogicTranslator.keywords.contains(name) {
            name += "_"
        }
        return name
    }

    /// A section or option-set name (`[a-z][a-z0-9_]*`, at most 32 characters).
    package static func section(_ source: String, fallback: String) -> String {
        var name = String(cleaned(source, lowercase: true).prefix(32))
        while name.hasSuffix("_") { name.removeLast() }
        guard let first = name.first, first.isLetter else { return fallback }
        return name
    }

    /// An instrument id (`[a-z][a-z0-9-]*`, at most 64 characters).
    package static func instrument(_ source: String) -> String {
        var id = String(
            source.lowercased().unicodeScalars.map { scalar -> Character in
                (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
            })
        while id.contains("--") { id = id.replacingOccurrences(of: "--", with: "-") }
        id = id.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if id.isEmpty || !id.first!.isLetter { id = "imported-" + id }
        return String(id.prefix(64)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// `source` with every character other than ASCII letters, digits and `_` made `_`, runs of
    /// `_` collapsed.
    static func cleaned(_ source: String, lowercase: Bool) -> String {
        let text = lowercase ? source.lowercased() : source
        var out = ""
        for scalar in text.unicodeScalars {
            let ok = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            let character: Character = ok ? Character(scalar) : "_"
            if character == "_", out.hasSuffix("_") { continue }
            out.append(character)
        }
        while out.hasPrefix("_") { out.removeFirst() }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }
}
