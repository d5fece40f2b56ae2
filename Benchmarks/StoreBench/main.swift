// The study-database benchmark (release build): durable save latency, bulk insert rate, merge.
//
//   store-bench DIR [INTERVIEWS]     writes its databases under DIR; prints JSON on stdout
//
// INTERVIEWS (default 100,000) completed interviews of 100 answers are bulk-inserted; two
// databases of INTERVIEWS/2 each are then merged into a third.
import Foundation
import Instrument
import Store

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("store-bench: \(message)\n".utf8))
    exit(1)
}
func progress(_ message: String) { FileHandle.standardError.write(Data("store-bench: \(message)\n".utf8)) }

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: store-bench DIR [INTERVIEWS]") }
let directory = URL(fileURLWithPath: arguments[1])
let interviews = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
try? FileManager.default.removeItem(at: directory)
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

// 100 integer questions, q1..q100.
let yaml = (1...100).reduce("instrument: bench\nversion: 1\ntitle: Bench\nsections:\n  - id: main\n    title: Main\n    questions:\n") {
    $0 + "      - {id: q\($1), type: integer, text: \"Question \($1)?\", range: [0, 1000]}\n"
}
let loaded = InstrumentLoader.load(text: yaml, path: "bench.yaml")
guard let instrument = loaded.instrument, !loaded.hasErrors else { fail("the bench instrument has errors") }

func elapsed(_ start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func makeStudy(_ name: String) throws -> (StudyDatabase, RegisteredInstrument) {
    let (instrument, yaml) = (instrument, yaml)
    let database = try StudyDatabase.create(at: directory.appendingPathComponent(name).path)
    try database.initStudy(title: "Bench", publicKey: nil)
    return (database, try database.register(instrument, source: yaml))
}

func synthetic(_ count: Int, seed: UInt64, _ registered: RegisteredInstrument) -> some Sequence<BulkInterview> {
    var state = seed
    let ids = (1...100).map { registered.variableIDs["q\($0)"]! }
    return (0..<count).lazy.map { _ in
        BulkInterview(status: .completed, interviewer: "PR01", language: "en", answers: ids.map { id in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Int(state >> 33) % 1_000
            return (id, draw < 30 ? .refused : .value(.number(Double(draw))))
        })
    }
}

do {
    // 1. One durable save at a time, as the interviewer does.
    let (saves, registered) = try makeStudy("saves.sqlite")
    var latencies: [Double] = []
    var recorder = try saves.startInterview(registered, interviewer: "PR01", language: "en")
    for index in 0..<1_000 {
        if index % 100 == 0, index > 0 {
            try recorder.complete()
            recorder = try saves.startInterview(registered, interviewer: "PR01", language: "en")
        }
        let start = ContinuousClock.now
        try recorder.save(.value(.number(Double(index))), for: "q\(index % 100 + 1)")
        latencies.append(elapsed(start))
    }
    latencies.sort()
    progress("1,000 durable saves done")

    // 2. Bulk insert.
    let (bulk, bulkInstrument) = try makeStudy("bulk.sqlite")
    var start = ContinuousClock.now
    try bulk.bulkInsert(bulkInstrument, interviews: synthetic(interviews, seed: 1, bulkInstrument), simulated: true)
    let bulkSeconds = elapsed(start)
    progress("bulk insert done")

    // 3. Merge two databases of half as many interviews each into a new one.
    let (left, leftInstrument) = try makeStudy("left.sqlite")
    try left.bulkInsert(leftInstrument, interviews: synthetic(interviews / 2, seed: 2, leftInstrument), simulated: true)
    let rightPath = directory.appendingPathComponent("right.sqlite").path
    let right = try StudyDatabase.createCopy(at: rightPath, ofStudyIn: left.path)
    let rightInstrument = try right.register(instrument, source: yaml)
    try right.bulkInsert(rightInstrument, interviews: synthetic(interviews / 2, seed: 3, rightInstrument), simulated: true)
    try left.checkpoint()
    try right.checkpoint()
    let target = try StudyDatabase.createCopy(at: directory.appendingPathComponent("merged.sqlite").path, ofStudyIn: left.path)
    start = ContinuousClock.now
    let report = try target.merge(from: [left.path, rightPath])
    let mergeSeconds = elapsed(start)
    guard report.added == interviews / 2 * 2 else { fail("merge added \(report.added)") }
    progress("merge done")

    let result: [String: Any] = [
        "save_median_ms": latencies[latencies.count / 2] * 1_000,
        "save_p99_ms": latencies[latencies.count * 99 / 100] * 1_000,
        "bulk_interviews": interviews,
        "bulk_seconds": bulkSeconds,
        "bulk_answers_per_second": Double(interviews * 100) / bulkSeconds,
        "merge_interviews": interviews / 2 * 2,
        "merge_seconds": mergeSeconds,
    ]
    let data = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    fail("\(error)")
}
