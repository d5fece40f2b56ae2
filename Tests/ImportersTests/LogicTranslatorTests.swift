import Testing

@testable import Importers

/// The three source dialects translated into the instrument language, case by case.
struct LogicTranslatorTests {
    static let fields: [String: FieldInfo] = [
        "sex": FieldInfo(id: "sex", kind: .choice, codes: ["1": 1, "2": 2], names: [:]),
        "fruit": FieldInfo(
            id: "fruit", kind: .set, codes: ["apple": 1, "pear": 2, "1": 1, "2": 2], names: [1: "apple", 2: "pear"]),
        "yn": FieldInfo(id: "yn", kind: .choice, codes: ["yes": 1, "no": 2], names: [1: "yes", 2: "no"]),
        "age": FieldInfo(id: "age", kind: .number),
        "name": FieldInfo(id: "name", kind: .text),
        "dob": FieldInfo(id: "dob", kind: .date),
        "my-field": FieldInfo(id: "my_field", kind: .number),
    ]

    static func translate(_ text: String, _ dialect: LogicDialect) throws -> String {
        try LogicTranslator(dialect: dialect, current: fields["age"]) { fields[$0] }.translate(text).text
    }

    @Test(arguments: [
        ("[sex] = '1'", "sex == 1"),
        ("[sex] <> '2'", "not (sex == 2)"),
        ("[sex] = \"1\" and [age] >= 18", "sex == 1 and age >= 18"),
        ("([sex] = '1' or [sex] = '2') and [age] < 65", "(sex == 1 or sex == 2) and age < 65"),
        ("[fruit(2)] = '1'", "fruit has pear"),
        ("[fruit(1)] = '0'", "not (fruit has apple)"),
        ("[age] <> ''", "answered(age)"),
        ("[name] = ''", "not answered(name)"),
        ("[name] = 'Jo'", "name == \"Jo\""),
        ("[dob] > '2000-01-31'", "dob > date(\"2000-01-31\")"),
        ("[baseline_arm_1][age] > 20", "age > 20"),
        ("datediff([dob], 'today', 'y') >= 18", "years_since(dob) >= 18"),
        ("round(([age] + 1) / 2, 1)", "round((age + 1) / 2, 1)"),
        ("if([sex] = '1', 1, 0) + sum([age], 2)", "if(sex == 1, 1, 0) + sum(age, 2)"),
        ("[AGE] >= 18 OR [sex] = '1'", "age >= 18 or sex == 1"),
    ])
    func redcap(_ source: String, _ expected: String) throws {
        if source.contains("[AGE]") {
            // Field names are case-sensitive in REDCap; an unknown one is reported.
            #expect(throws: LogicError.self) { try Self.translate(source, .redcap) }
            return
        }
        #expect(try Self.translate(source, .redcap) == expected)
    }

    @Test(arguments: [
        ("${age} >= 18", "age >= 18"),
        ("selected(${fruit}, 'apple')", "fruit has apple"),
        ("not(selected(${fruit}, 'pear'))", "not fruit has pear"),
        ("count-selected(${fruit}) > 1 and ${yn} = 'yes'", "count(fruit) > 1 and yn == yes"),
        ("${yn} != 'no'", "not (yn == no)"),
        ("${fruit} = 'apple'", "fruit has apple and count(fruit) == 1"),
        (". > 3 and . < 10", "age > 3 and age < 10"),
        ("${age} div 2 > 3", "age / 2 > 3"),
        ("${my-field} = 2", "my_field == 2"),
        ("string-length(${name}) > 0", "len(name) > 0"),
        ("${dob} < today()", "dob < today()"),
    ])
    func xlsform(_ source: String, _ expected: String) throws {
        #expect(try Self.translate(source, .xlsform) == expected)
    }

    @Test(arguments: [
        ("age > 3 && sex == 1", "age > 3 and sex == 1"),
        ("!(age > 3) || sex === 2", "not age > 3 or sex == 2"),
        ("age + age * 2", "age + age * 2"),
    ])
    func javascript(_ source: String, _ expected: String) throws {
        #expect(try Self.translate(source, .javascript) == expected)
    }

    @Test func aConstraintIsNegatedIntoACheck() throws {
        let translator = LogicTranslator(dialect: .xlsform, current: Self.fields["age"]) { Self.fields[$0] }
        #expect(try translator.translateNegated(". >= 16 and . <= 120") == "age < 16 or age > 120")
        #expect(try translator.translateNegated("selected(${fruit}, 'apple')") == "not fruit has apple")
    }

    @Test(arguments: [
        ("sqrt([age])", LogicDialect.redcap, "the function `sqrt` has no equivalent"),
        ("[user-name] = 'x'", .redcap, "the smart variable `[user-name]` has no equivalent"),
        ("[age] ^ 2", .redcap, "the operator `^` has no equivalent"),
        ("[sex] = '9'", .redcap, "`9` is not an option of `sex`"),
        ("[nope] = '1'", .redcap, "`nope` is not a question of this form"),
        ("regex(., '[0-9]+')", .xlsform, "the function `regex` has no equivalent"),
        ("position(..) > 1", .xlsform, "has no equivalent"),
        ("[age] = '1", .redcap, "a string is never closed"),
        ("([age] = 1", .redcap, "a `(` is never closed"),
        ("Math.max(age, 2)", .javascript, "the function `math.max` has no equivalent"),
    ])
    func whatCannotBeTranslatedIsNamed(_ source: String, _ dialect: LogicDialect, _ message: String) throws {
        do {
            _ = try Self.translate(source, dialect)
            Issue.record("`\(source)` translated")
        } catch let error as LogicError {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test(arguments: [
        ("plain words", "plain words"), ("yes", "\"yes\""), ("no", "\"no\""), ("3 + 4", "\"3 + 4\""),
        ("a: b", "\"a: b\""), ("- x", "\"- x\""), ("line\nbreak", "\"line\\nbreak\""), ("tab\there", "\"tab\\there\""),
        ("\u{FEFF}bom", "\"\\uFEFFbom\""), ("# comment", "\"# comment\""), ("it's", "it's"), ("", "\"\""),
        ("Bienvenue à vous", "Bienvenue à vous"), ("trailing ", "\"trailing \""),
    ])
    func yamlScalarsReadBackAsWritten(_ text: String, _ expected: String) {
        #expect(YAMLScalar.string(text) == expected)
    }
}

/// Source wording without HTML.
struct MarkupTests {
    @Test(arguments: [
        ("<div class=\"rich-text-field-label\"><p>How <b>often</b>?</p></div>", "How often?"),
        ("One<br/>Two", "One\nTwo"),
        ("Fish &amp; chips&nbsp;today", "Fish & chips today"),
        ("a < b and c > d", "a < b and c > d"),
        ("Plain words", "Plain words"),
    ])
    func htmlIsRemovedAndWordsKept(_ html: String, _ plain: String) {
        #expect(Markup.plain(html) == plain)
    }
}
