import Foundation
import Instrument
import Interview
import TestSupport
import Testing

/// Branching logic, relevance and constraints arrive as routing and checks that behave as in the
/// source: each generated case opens or skips its branch, and `peersurvey test` runs them.
@Suite(.serialized)
struct RoutingImportTests {
    static let dictionary =
        ImportFixtures.redcapHeader + """
            record_id,intake,,text,"Record ID",,,,,,,,,,,,,
            age,intake,"About you",text,"How old are you?",,,integer,16,120,,,y,,,,,
            gender,intake,,radio,"Gender","1, Woman | 2, Man | 3, In another way",,,,,,,,,,,,"@DEFAULT='2' @HIDECHOICE='3'"
            gender_3_text,intake,,text,"How do you describe it?",,,,,,,"[gender] = '3'",,,,,,
            services,intake,,checkbox,"Which services? {sic}","1, Drop-in | 2, Warmline | 98, None of these",,,,,,,,,,,,"@NONEOFTHEABOVE='98'"
            calls,intake,,text,"How many calls, [gender]?",,,integer,0,200,,"[services(2)] = '1' and [age] >= 18",,,,,,
            dob,intake,,text,"Date of birth",,,date_dmy,,today,,,,,,,,
            years,intake,,calc,"Years","datediff([dob],'today','y')",,,,,,,,,,,,
            older,intake,,yesno,"Are you over 60?",,,,,,,"[age] > 60 or [years] > 60",,,,,,
            sup1,intake,"How you felt",radio,"Listened to","1, Not at all | 2, A bit | 3, A lot",,,,,,"[gender] <> ''",,,,support,y,
            sup2,intake,,radio,"Respected","1, Not at all | 2, A bit | 3, A lot",,,,,,"[gender] <> ''",,,,support,,
            later,intake,,notes,"<div class=""rich-text-field-label""><p>Anything <b>else</b>?</p></div>",,,,,,,"[gender] <> '2'",,,,,,
            visit,intake,,text,"Visit date",,,date_ymd,,,,"[baseline_arm_1][age] > 20",,,,,,
            score,intake,,calc,"Score","sqrt([age])",,,,,,,,,,,,
            nextform,intake,,text,"Next",,,,,,,"[q_other] = '1'",,,,,,
            q_other,second,,yesno,"Other form",,,,,,,,,,,,,
            """

    @Test func redcapBranchingBecomesRoutingWithCasesForEachBranch() throws {
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write(Self.dictionary, "intake.csv", in: folder)
        let imported = try Imported.run("redcap", path)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        let file = imported.directory.appendingPathComponent("intake.yaml")
        let instrument = try imported.instrument(file)
        func question(_ id: String) -> Question? { instrument.allQuestions.first { $0.question.id == id }?.question }
        #expect(question("calls")?.askIf?.source == "services has 2 and age >= 18")
        #expect(question("older")?.askIf?.source == "age > 60 or years > 60")
        #expect(question("later")?.askIf?.source == "not (gender == 2)")
        #expect(question("support")?.askIf?.source == "answered(gender)")
        #expect(question("calls")?.text?.translations["en"] == "How many calls, {gender}?")
        #expect(question("services")?.text?.translations["en"] == "Which services? {{sic}}")
        #expect(question("later")?.text?.translations["en"] == "Anything else?")
        #expect(imported.output.stderr.contains("intake.csv:13: the HTML in the wording of `later` is removed"))
        if case .calculate(let e)? = question("years")?.kind {
            #expect(e.source == "years_since(dob)")
        } else {
            Issue.record("years is not a calculation")
        }
        // The "please say" field became the option's specify; the exclusive option is exclusive.
        #expect(
            question("gender")?.kind.options?.option(code: 3)?.specify?.translations["en"] == "How do you describe it?")
        #expect(question("services")?.kind.options?.option(code: 98)?.exclusive == true)
        #expect(question("age")?.allow == [])
        #expect(question("gender")?.defaultAnswer == .value(.choice(2)))
        #expect(imported.output.stderr.contains("the field annotation `@HIDECHOICE='3'` of `gender` has no equivalent"))
        // (`dob` is not flagged identifying here: a calculation over an identifying date may not
        // route, see IdentifyingImportTests below.)
        if case .grid(_, let items)? = question("support")?.kind {
            #expect(items.map(\.id) == ["sup1", "sup2"])
        } else {
            Issue.record("the matrix group is not a grid")
        }
        // What could not be carried over is reported at its line.
        let report = imported.output.stderr
        #expect(report.contains("intake.csv:14: the logic of `visit` names the event `baseline_arm_1`"))
        #expect(report.contains("intake.csv:11: the matrix group `support` is ranked (each choice once) in REDCap"))
        #expect(
            report.contains(
                "intake.csv:15: the calculation `sqrt([age])` of `score` could not be translated (the function `sqrt` has no equivalent); left out"
            ))
        #expect(
            report.contains(
                "intake.csv:16: the branching logic `[q_other] = '1'` of `nextform` could not be translated (it refers to `q_other` on the form `second`, another instrument)"
            ))
        // One case opens and one skips each conditional question, and they pass.
        let names = instrument.tests.map(\.name)
        for id in ["calls", "older", "later", "sup1", "visit"] {
            #expect(names.contains { $0.hasPrefix("asks \(id) ") }, "no case asks \(id): \(names)")
            #expect(names.contains { $0.hasPrefix("skips \(id) ") }, "no case skips \(id): \(names)")
        }
        // The cases carry the day they were made for, so date routing keeps passing later.
        #expect(instrument.tests.allSatisfy { $0.today == Day(iso: "2026-06-01") })
        let test = try ImportFixtures.peersurvey(["test", "--today", "2031-01-01", file.path])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("\(instrument.tests.count) cases passed, 0 failed"))
    }

    @Test func aRefusedTranslationIsLeftOutAndReported() throws {
        // `[note] = '1'` translates, but a note has no answer to compare; `[age] = 'x'` compares
        // a number with text: both are reported and the questions kept.
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write(
            ImportFixtures.redcapHeader + """
                record_id,f,,text,"Record ID",,,,,,,,,,,,,
                info,f,,descriptive,"Read this",,,,,,,,,,,,,
                age,f,,text,"Age",,,integer,0,120,,,,,,,,
                q1,f,,text,"Q1",,,,,,,"[age] = 'x'",,,,,,
                q2,f,,text,"Q2",,,,,,,"[q3] = 'a'",,,,,,
                q3,f,,text,"Q3",,,,,,,,,,,,,
                """, "f.csv", in: folder)
        let imported = try Imported.run("redcap", path)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        let instrument = try imported.instrument(imported.directory.appendingPathComponent("f.yaml"))
        #expect(instrument.variables.ids == ["age", "q1", "q2", "q3"])
        #expect(
            imported.output.stderr.contains(
                "f.csv:5: the branching logic `[age] = 'x'` of `q1` could not be translated"))
        #expect(
            imported.output.stderr.contains("f.csv:6: the condition `[q3] = 'a'` of `q2`"), "\(imported.output.stderr)")
    }

    static let form: [(String, [[String]])] = [
        (
            "survey",
            [
                [
                    "type", "name", "label::English (en)", "label::Français (fr)", "hint::English (en)",
                    "hint::Français (fr)", "relevant", "constraint", "constraint_message::English (en)",
                    "constraint_message::Français (fr)", "required", "default", "choice_filter", "calculation",
                    "repeat_count",
                ],
                ["begin_group", "about", "About you", "À propos", "", "", "", "", "", "", "", "", "", "", ""],
                [
                    "integer", "age", "Age", "Âge", "In years", "En années", "", ". >= 16 and . <= 120", "16 to 120",
                    "16 à 120", "yes", "", "", "", "",
                ],
                [
                    "select_one yn", "smokes", "Do you smoke?", "Fumez-vous ?", "", "", "${age} >= 18", "", "", "", "",
                    "no", "", "", "",
                ],
                [
                    "select_multiple fruit or_other", "fruit", "Fruit", "Fruits", "", "", "",
                    "not(selected(., 'none') and count-selected(.) > 1)", "None means none", "Aucun veut dire aucun",
                    "", "", "", "", "",
                ],
                ["end_group", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
                [
                    "begin_group", "smoking", "Smoking", "Tabac", "", "", "${smokes} = 'yes'", "", "", "", "", "", "",
                    "", "",
                ],
                [
                    "integer", "per_day", "How many a day at ${age} {years}?", "Combien par jour ?", "", "",
                    "selected(${fruit}, 'apple')", "", "", "", "", "", "", "", "",
                ],
                [
                    "select_one yn", "quit", "Tried to quit?", "Essayé d'arrêter ?", "", "", "", "", "", "", "", "",
                    "name != 'x'", "", "",
                ],
                ["end_group", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
                ["begin_repeat", "kids", "Children", "Enfants", "", "", "", "", "", "", "", "", "", "", "3"],
                ["text", "kid_name", "Name", "Nom", "", "", "", "", "", "", "", "", "", "", ""],
                ["end_repeat", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
                ["calculate", "double_age", "", "", "", "", "", "", "", "", "", "", "", "${age} * 2", ""],
                ["geopoint", "where", "Where?", "Où ?", "", "", "", "", "", "", "", "", "", "", ""],
            ]
        ),
        (
            "choices",
            [
                ["list_name", "name", "label::English (en)", "label::Français (fr)"],
                ["yn", "yes", "Yes", "Oui"], ["yn", "no", "No", "Non"],
                ["fruit", "apple", "Apple", "Pomme"], ["fruit", "pear", "Pear", "Poire"],
                ["fruit", "none", "None", "Aucun"],
            ]
        ),
        (
            "settings",
            [
                ["form_title", "form_id", "version", "default_language"],
                ["Smoking form", "smoking_form", "3", "English (en)"],
            ]
        ),
    ]

    @Test func xlsformRelevanceConstraintsGroupsAndLanguages() throws {
        let url = try ImportFixtures.scratch().appendingPathComponent("smoking.xlsx")
        try XLSXWriter.write(Self.form, to: url)
        let imported = try Imported.run("xlsform", url.path)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        let file = imported.directory.appendingPathComponent("smoking-form.yaml")
        let instrument = try imported.instrument(file)
        #expect(instrument.version == 3)
        #expect(instrument.languages == ["en", "fr"])
        #expect(instrument.sections.map(\.id) == ["about", "smoking", "kids", "smoking_form"])
        #expect(instrument.sections[1].askIf?.source == "smokes == yes")
        func question(_ id: String) -> Question? { instrument.allQuestions.first { $0.question.id == id }?.question }
        #expect(question("age")?.text?.translations == ["en": "Age", "fr": "Âge"])
        #expect(question("age")?.hint?.translations["fr"] == "En années")
        #expect(question("age")?.allow == [])
        #expect(question("age")?.checks.first?.condition.source == "age < 16 or age > 120")
        #expect(question("age")?.checks.first?.message.translations["fr"] == "16 à 120")
        #expect(question("smokes")?.askIf?.source == "age >= 18")
        #expect(question("smokes")?.defaultAnswer == .value(.choice(2)))
        #expect(question("fruit")?.kind.options?.options.map(\.name) == ["apple", "pear", "none", "other"])
        #expect(question("fruit")?.checks.first?.condition.source == "fruit has none and count(fruit) > 1")
        #expect(question("per_day")?.askIf?.source == "fruit has apple")
        #expect(question("per_day")?.text?.translations["en"] == "How many a day at {age} {{years}}?")
        if case .calculate(let e)? = question("double_age")?.kind {
            #expect(e.source == "age * 2")
        } else {
            Issue.record("double_age is not a calculation")
        }
        let report = imported.output.stderr
        #expect(report.contains("smoking.xlsx:survey!A11: the repeat `kids` (repeat_count `3`) is not carried over"))
        #expect(
            report.contains("smoking.xlsx:survey!M9: the choice filter `name != 'x'` of `quit` is not carried over"))
        #expect(report.contains("smoking.xlsx:survey!A15: the question type `geopoint` of `where` has no equivalent"))
        let test = try ImportFixtures.peersurvey(["test", "--today", "2026-06-01", file.path])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(instrument.tests.count >= 4, "\(instrument.tests.map(\.name))")
    }
}

/// REDCap's events and instrument-event mapping: read, checked, and each event reported as not
/// carried over until waves are in the instrument language.
struct RedcapEventsTests {
    @Test func eachEventIsReportedWithItsForms() throws {
        let folder = try ImportFixtures.scratch()
        let dictionary = try ImportFixtures.path("redcap/repeating-instruments.csv")
        let events = try ImportFixtures.write(
            "event_name,arm_num,unique_event_name,custom_event_label\nBaseline,1,baseline_arm_1,\nFollow up,1,follow_up_arm_1,\n",
            "events.csv", in: folder)
        let mapping = try ImportFixtures.write(
            "arm_num,unique_event_name,form\n1,baseline_arm_1,demographics\n1,baseline_arm_1,bp\n1,follow_up_arm_1,bp\n",
            "mapping.csv", in: folder)
        let imported = try Imported.run("redcap", dictionary, extra: ["--events", events, "--mapping", mapping])
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        #expect(
            imported.output.stderr.contains(
                "events.csv:2: the event `baseline_arm_1` (forms: demographics, bp) is not carried over"))
        #expect(
            imported.output.stderr.contains("events.csv:3: the event `follow_up_arm_1` (forms: bp) is not carried over")
        )
    }

    @Test func aFileThatIsNotAnEventsFileIsRefused() throws {
        let folder = try ImportFixtures.scratch()
        let dictionary = try ImportFixtures.path("redcap/repeating-instruments.csv")
        let events = try ImportFixtures.write("name,age\nJo,4\n", "events.csv", in: folder)
        let imported = try Imported.run("redcap", dictionary, extra: ["--events", events])
        #expect(imported.output.status == 65)
        #expect(imported.output.stderr.contains("events.csv:1: error: this is not a REDCap events file"))
    }

    @Test func eventsAreOnlyForREDCap() throws {
        let imported = try Imported.run(
            "reproschema", try ImportFixtures.path("reproschema/GAD7"), extra: ["--events", "e.csv"])
        #expect(imported.output.status == 64)
    }
}

/// A dictionary of which nothing can be asked writes nothing and says why.
struct NothingToImportTests {
    @Test func aFormWithNothingToAskIsSkippedAndAnEmptyImportFails() throws {
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write(
            ImportFixtures.redcapHeader
                + "record_id,f,,text,\"Record ID\",,,,,,,,,,,,,\nup,f,,file,\"Upload\",,,,,,,,,,,,,\nage,g,,text,Age,,,integer,,,,,,,,,,\n",
            "d.csv", in: folder)
        let imported = try Imported.run("redcap", path)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        #expect(imported.files.map(\.lastPathComponent) == ["g.yaml"])
        #expect(
            imported.output.stderr.contains("`f` has no question peersurvey can ask; no instrument is written for it"))
        let only = try ImportFixtures.write(
            ImportFixtures.redcapHeader
                + "record_id,f,,text,\"Record ID\",,,,,,,,,,,,,\nup,f,,file,\"Upload\",,,,,,,,,,,,,\n",
            "e.csv", in: folder)
        let nothing = try Imported.run("redcap", only)
        #expect(nothing.output.status == 65)
        #expect(nothing.output.stderr.contains("e.csv:3: field type \"file\" has no equivalent in an interview"))
        #expect(nothing.output.stderr.contains("error: nothing in it could be imported"))
    }
}

/// An identifying field used in routing through a calculation: the calculation is identifying
/// (issue 13, item 9), so the routing that compares it is left out and reported, never imported.
struct IdentifyingImportTests {
    @Test func routingOnAnIdentifyingCalculationIsReportedNotImported() throws {
        let dictionary =
            ImportFixtures.redcapHeader + """
                record_id,intake,,text,"Record ID",,,,,,,,,,,,,
                dob,intake,,text,"Date of birth",,,date_dmy,,today,y,,,,,,,
                years,intake,,calc,"Years","datediff([dob],'today','y')",,,,,,,,,,,,
                older,intake,,yesno,"Are you over 60?",,,,,,,"[years] > 60",,,,,,
                """
        let folder = try ImportFixtures.scratch()
        let path = try ImportFixtures.write(dictionary, "intake.csv", in: folder)
        let imported = try Imported.run("redcap", path)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        let instrument = try imported.instrument(imported.directory.appendingPathComponent("intake.yaml"))
        let older = instrument.allQuestions.first { $0.question.id == "older" }?.question
        #expect(older != nil && older?.askIf == nil)
        #expect(instrument.identifyingVariables.contains("dob") && instrument.identifyingVariables.contains("years"))
        #expect(imported.output.stderr.contains("older"), "\(imported.output.stderr)")
    }
}
