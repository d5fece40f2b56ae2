// A child process for the Store reliability tests (not part of the product).
//
//   store-stress save DB INSTRUMENT COUNT     start an interview, save answers q1...qCOUNT one at a
//                                             time, printing `ack CODE qN VALUE` after each is durable
//   store-stress create DB                    create a study database (no key)
//
// The test kills it with SIGKILL at random moments, or runs several at once on one database.
import Foundation
import Instrument
import Store

let arguments = CommandLine.arguments
/// Writes a line at once (no buffering), so that what the parent reads is what was durable.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("store-stress: \(message)\n".utf8))
    exit(1)
}

do {
    switch arguments.dropFirst().first {
    case "create":
        let database = try StudyDatabase.create(at: arguments[2])
        try database.initStudy(title: "Stress", publicKey: nil)
    case "save":
        let path = arguments[2], instrumentPath = arguments[3], count = Int(arguments[4]) ?? 100
        let loaded = try InstrumentLoader.load(path: instrumentPath)
        guard let instrument = loaded.instrument, let source = loaded.source else { fail("the instrument has errors") }
        let database = try StudyDatabase.open(at: path)
        let registered = try database.register(instrument, source: source.text)
        let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
        for index in 1...count {
            let value = index * 7 + 1
            try recorder.save(.value(.number(Double(value))), for: "q\(index)")
            say("ack \(recorder.code) q\(index) \(value)")
        }
        try recorder.complete()
        say("done \(recorder.code)")
    default:
        fail("unknown mode")
    }
} catch {
    fail("\(error)")
}
