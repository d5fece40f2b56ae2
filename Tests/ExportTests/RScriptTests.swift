import Foundation
import Testing

/// The R script run in R (readr and haven), as an analyst would: every column read with the
/// declared type and no parsing problem, the missing codes kept apart as user-missing values, the
/// value labels attached, and the counts the same as the `.sav`'s.
struct RScriptTests {
    /// For each column: name, class, values that are valid, values that are user-missing, number
    /// of value labels; then the multiple-response sets.
    static let probe = #"""
        args <- commandArgs(trailingOnly = TRUE)
        setwd(args[1])
        options(warn = 1)
        suppressPackageStartupMessages(source(paste0(args[2], ".R")))
        if (nrow(readr::problems(data)) > 0) stop("readr reported problems")
        for (n in names(data)) {
          x <- data[[n]]
          user <- if (inherits(x, "haven_labelled_spss")) sum(is.na(x) & !is.na(unclass(x))) else 0
          cat(n, class(x)[1], sum(!is.na(x)), user, length(attr(x, "labels")), "\n", sep = "\t")
        }
        for (s in names(attr(data, "mr_sets"))) cat("SET", s, length(attr(data, "mr_sets")[[s]]$variables), "\n", sep = "\t")
        """#

    @Test(arguments: bundledInstruments)
    func rReadsTheCSVWithLabelsAndUserMissingValues(_ id: String) throws {
        try ExportTools.require("Rscript")
        let export = try Exports.of(id)
        let run = try CodebookTool.run("/usr/bin/env", ["Rscript", "-e", Self.probe, export.directory.path, id])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("Warning"), "R warned:\n\(run.stderr)")
        var seen: [String: [String]] = [:]
        var sets: [String: Int] = [:]
        for line in run.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.first == "SET", fields.count >= 3 { sets[fields[1]] = Int(fields[2]) } else { seen[fields[0]] = fields }
        }
        let sav = try NativeFile(export.url("\(id).sav"))
        #expect(Set(seen.keys) == Set(sav.columns), "R has the columns of the .sav")
        for (index, column) in sav.columns.enumerated() {
            guard let fields = seen[column], fields.count >= 5 else { continue }
            let ranges = sav.missingRanges[column] ?? []
            var valid = 0
            var user = 0
            for row in sav.rows {
                switch row[index] {
                case .number(let value):
                    if ranges.contains(where: { $0.count == 2 && $0[0] <= value && value <= $0[1] }) {
                        user += 1
                    } else {
                        valid += 1
                    }
                case .text(let text): if !text.isEmpty { valid += 1 }
                case .none: break
                }
            }
            if sav.types[column]?.hasPrefix("A") == true {
                #expect(fields[1] == "character", "\(column) is \(fields[1]) in R")
                // readr reads an empty field as NA; the .sav keeps it as an empty text.
                #expect(Int(fields[2]) == valid, "\(column): R has \(fields[2]) texts, the .sav \(valid)")
                continue
            }
            #expect(Int(fields[2]) == valid, "\(column): R has \(fields[2]) valid values, the .sav \(valid)")
            #expect(Int(fields[3]) == user, "\(column): R has \(fields[3]) user-missing values, the .sav \(user)")
            let labels = sav.valueLabels[column]?.count ?? 0
            #expect(Int(fields[4]) == labels, "\(column): R has \(fields[4]) value labels, the .sav \(labels)")
            if labels > 0 || !ranges.isEmpty { #expect(fields[1] == "haven_labelled_spss", "\(column)") }
        }
        #expect(sets.count == sav.sets.count, "R has the multiple-response sets of the .sav")
        for (name, set) in sav.sets { #expect(sets[name] == set.columns.count, "\(name)") }
    }
}
