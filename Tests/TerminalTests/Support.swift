import Foundation
import Instrument
import Interview
import Store
import Terminal

/// A screen for tests: keys from a script, frames kept as written.
final class ScriptedDevice: ScreenDevice {
    var keys: [Key]
    var written: [String] = []
    var size: RawTerminal.Size
    let style: ScreenStyle

    init(_ keys: [Key], size: RawTerminal.Size = .init(width: 80, height: 24), colour: Bool = false) {
        self.keys = keys
        self.size = size
        self.style = ScreenStyle(colour: colour)
    }

    func write(_ text: String) { written.append(text) }
    func nextKey() -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    var hasPendingInput: Bool { false }
    /// Scripted keys are never typed ahead: nothing is dropped.
    func discardPendingInput() {}

    /// The last frame drawn, as plain rows (the drawing sequences taken out).
    var lastScreen: String {
        (written.last ?? "").replacingOccurrences(of: "\u{1B}[H", with: "").replacingOccurrences(of: "\u{1B}[2K", with: "")
            .replacingOccurrences(of: "\u{1B}[J", with: "")
    }
}

/// Keys typing a string.
func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

/// Loads an instrument from YAML, failing the test on an error.
func loadInstrument(_ yaml: String) throws -> Instrument {
    let result = InstrumentLoader.load(text: yaml, path: "test.yaml")
    guard let instrument = result.instrument else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(result.diagnostics)"])
    }
    return instrument
}

/// A fresh directory under the system's temporary folder.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("peersurvey-terminal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A study database on disk with one interview started on `instrument`: its session and path.
func studySession(_ instrument: Instrument, yaml: String, in directory: URL) throws -> (InterviewSession, StudyDatabase) {
    let database = try StudyDatabase.create(at: directory.appendingPathComponent("study.sqlite").path)
    _ = try database.initStudy(title: "Test", publicKey: nil)
    let registered = try database.register(instrument, source: yaml)
    let recorder = try database.startInterview(registered, interviewer: "PR01", language: instrument.defaultLanguage)
    let engine = InterviewEngine(instrument: instrument, language: recorder.language, today: Day(year: 2026, month: 11, day: 23)!)
    return (InterviewSession(engine: engine, log: recorder), database)
}
