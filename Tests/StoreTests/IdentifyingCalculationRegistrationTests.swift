import Foundation
import GRDB
import Instrument
import Testing

@testable import Store

/// Issue 13, item 9: a calculation over an identifying answer is identifying. An instrument
/// version registered before that rule has its calculation marked plain in the `variable` table;
/// registering it again marks it, so that new values are sealed.
struct IdentifyingCalculationRegistrationTests {
    @Test func registeringAgainMarksAnIdentifyingCalculation() throws {
        let directory = try temporaryDirectory()
        let (database, _, _) = try makeStudy(in: directory, withKey: true)
        let source =
            stressInstrumentSource(count: 2, identifying: true) + """
                      - id: contact_length
                        type: calculate
                        expression: len(contact)

                """
        let instrument = try #require(InstrumentLoader.load(text: source).instrument)
        #expect(instrument.identifyingVariables.contains("contact_length"))
        #expect(try database.register(instrument, source: source).identifying.contains("contact_length"))
        // As an older version of the program registered it.
        try database.queue.write { db in
            try db.execute(sql: "UPDATE variable SET identifying = 0 WHERE name = 'contact_length'")
        }
        let again = try database.register(instrument, source: source)
        #expect(again.identifying.contains("contact_length"))
        let recorder = try database.startInterview(again, interviewer: "PR01", language: "en")
        try recorder.save(.value(.number(23)), for: "contact_length")
        let plain = try database.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE value IS NOT NULL")
        }
        #expect(plain == 0)
    }
}
