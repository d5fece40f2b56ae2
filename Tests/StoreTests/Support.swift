import Foundation
import Instrument
import TestSupport
@testable import Store

/// Where this test process keeps its files.
let testFiles = TestFiles("peersurvey-store-tests")

/// A fresh directory for one test's files.
func temporaryDirectory() throws -> URL { try testFiles.directory() }

/// An instrument with `count` integer questions q1..qN, a free-text question `feel` and, when
/// asked, an identifying text question `contact`.
func stressInstrumentSource(count: Int = 200, identifying: Bool = false) -> String {
    var yaml = """
        instrument: stress
        version: 1
        title: Stress
        sections:
          - id: main
            title: Main
            questions:
              - id: feel
                type: text
                text: How do you feel?

        """
    if identifying {
        yaml += """
                  - id: contact
                    type: text
                    text: Your email?
                    identifying: true

            """
    }
    for index in 1...count {
        yaml += """
                  - id: q\(index)
                    type: integer
                    text: Question \(index)?
                    range: [0, 100000]

            """
    }
    return yaml
}

/// The stress instrument, loaded.
func stressInstrument(count: Int = 200, identifying: Bool = false) throws -> (Instrument, String) {
    let source = stressInstrumentSource(count: count, identifying: identifying)
    let result = InstrumentLoader.load(text: source, path: "stress.yaml")
    guard let instrument = result.instrument, !result.hasErrors else {
        throw StoreError.io(path: "stress.yaml", detail: result.diagnostics.map(\.message).joined(separator: "; "))
    }
    return (instrument, source)
}

/// A new study database with the stress instrument registered; with a key pair when asked.
func makeStudy(in directory: URL, name: String = "study.sqlite", withKey: Bool = false) throws
    -> (StudyDatabase, RegisteredInstrument, privateKey: Data?)
{
    let database = try StudyDatabase.create(at: directory.appendingPathComponent(name).path)
    var publicKey: Data?
    var privateKey: Data?
    if withKey {
        let (publicFile, privateFile) = try PrivateKeyFile.generate(passphrase: "a long test passphrase", rounds: 1 << 10)
        publicKey = publicFile.key
        privateKey = try privateFile.unlock(passphrase: "a long test passphrase")
    }
    try database.initStudy(title: "Test study", publicKey: publicKey)
    let (instrument, source) = try stressInstrument(identifying: withKey)
    return (database, try database.register(instrument, source: source), privateKey)
}

/// The bytes of a database and its WAL and shared-memory files.
func rawBytes(of path: String) -> Data {
    var data = Data()
    for suffix in ["", "-wal", "-shm"] {
        data.append(FileManager.default.contents(atPath: path + suffix) ?? Data())
    }
    return data
}

/// The directory holding the built products (`store-stress`, `peersurvey`).
func productsDirectory() -> URL {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        for build in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"] {
            let candidate = url.appendingPathComponent(build)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("store-stress").path) {
                return candidate
            }
        }
    }
    return Bundle.main.bundleURL
}

/// A running `store-stress` child, with its standard output read line by line.
final class StressChild {
    let process = Process()
    private let pipe = Pipe()
    private var buffer = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = productsDirectory().appendingPathComponent("store-stress")
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The next line, or nil at the end of the output.
    func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
