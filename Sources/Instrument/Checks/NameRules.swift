/// The rules variable names must follow so that SPSS, Stata and R all accept them.
enum NameRules {
    static let maximumLength = 32
    /// SPSS reserved words and Stata reserved names (compared ignoring case).
    static let reserved: Set<String> = [
        "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
        "byte", "double", "float", "if", "in", "int", "long", "strl", "using",
    ]
    /// peersurvey's own export columns start with this.
    static let metadataPrefix = "ps_"

    /// Why `name` cannot be a variable name, or `nil` if it can.
    static func problem(with name: String) -> String? {
        if name.count > maximumLength {
            return "is \(name.count) characters long; SPSS and Stata take at most \(maximumLength)"
        }
        let lowered = name.lowercased()
        if reserved.contains(lowered) {
            return "is a reserved word in SPSS or Stata; choose another name"
        }
        if lowered.hasPrefix("str"), lowered.count > 3, lowered.dropFirst(3).allSatisfy(\.isNumber) {
            return "is a Stata type name; choose another name"
        }
        if lowered.hasPrefix(metadataPrefix) {
            return "starts with `\(metadataPrefix)`, which is kept for peersurvey's own export columns"
        }
        return nil
    }
}
