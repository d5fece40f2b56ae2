import Foundation

/// One hidden count of a release and the interval an attacker can prove for it.
package struct AuditFinding: Sendable, Equatable {
    /// Where it is published, in words (`call_helpful by gender: Woman, Agree`).
    package var place: String
    /// The variable whose table publishes it.
    package var variable: String
    /// Its true value (for the custodian's eyes only: the audit is never published).
    package var value: Double
    /// Whether it is a small count (1 to `minCell - 1`), which must be protected.
    package var small: Bool
    /// The smallest value the attacker can prove it has.
    package var low: Double
    /// The largest (infinite when nothing bounds it).
    package var high: Double
    /// Whether ``ProtectionRule`` holds for it (always true for a count that is not small).
    package var isProtected: Bool

    /// The width of the proven interval.
    package var width: Double { high - low }
}

/// What the disclosure audit found in everything one run publishes together.
package struct AuditSummary: Sendable, Equatable {
    /// The threshold.
    package var minCell: Int
    /// Every hidden count of the release, each once.
    package var findings: [AuditFinding]
    /// Histogram bars merged into a neighbour.
    package var merged: Int
    /// Statistics left out.
    package var withheld: Int

    /// Hidden counts.
    package var hidden: Int { findings.count }
    /// Hidden small counts.
    package var small: Int { findings.filter(\.small).count }
    /// Hidden small counts that the rule does not protect (the audit failed when above 0).
    package var unprotected: Int { findings.filter { !$0.isProtected }.count }
    /// The narrowest interval of a hidden small count.
    package var narrowest: AuditFinding? { findings.filter(\.small).min { $0.width < $1.width } }

    /// The line every run prints for the custodian: what was hidden, merged and withheld, and
    /// how narrow the narrowest hidden small count can be made.
    package var line: String {
        guard minCell > 1 else {
            return
                "Disclosure control is off (--min-cell \(minCell)): nothing was hidden; counts of fewer than 10 people can identify them, so do not publish these tables."
        }
        var text =
            "Disclosure audit (--min-cell \(minCell)): \(hidden) count\(hidden == 1 ? "" : "s") hidden (\(small) of them from 1 to \(minCell - 1)), \(merged) histogram bar\(merged == 1 ? "" : "s") merged, \(withheld) statistic\(withheld == 1 ? "" : "s") withheld; "
        if unprotected > 0 {
            text +=
                "\(unprotected) hidden small count\(unprotected == 1 ? " CAN" : "s CAN") be narrowed to fewer than \(minCell) values: do not publish these tables (run with --audit for the list)."
        } else if let narrowest {
            text +=
                "none can be narrowed to fewer than \(minCell) values (the narrowest interval an attacker can prove is \(Self.number(narrowest.width)) wide)."
        } else {
            text += "no count is small enough to hide."
        }
        return text
    }

    /// The full audit, for `--audit`: one line per hidden count, with its true value and proven
    /// interval. For the custodian only.
    package var listing: String {
        var lines = [line, ""]
        guard !findings.isEmpty else { return lines.joined(separator: "\n") + "\n" }
        lines.append("value\tproven interval\tsmall\tprotected\twhere")
        for finding in findings {
            lines.append(
                "\(Self.number(finding.value))\t\(Self.number(finding.low)) to \(Self.number(finding.high))\t\(finding.small ? "yes" : "no")\t\(finding.isProtected ? "yes" : "NO")\t\(finding.place)"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        if value.isInfinite { return "any" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.2f", value)
    }
}
