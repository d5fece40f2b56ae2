import Foundation
import Testing

/// `withdraw` while another program reads the database.
struct WithdrawCommandTests {
    /// A study with one interview whose free text is `marker`; returns its code.
    private func study(_ directory: URL, marker: String) throws -> String {
        let instrument = try StoreFixtures.instrument(in: directory, count: 2)
        #expect(
            try Runner.run(["study", "init", "--db", "study.sqlite", "--title", "T"], directory: directory).status == 0)
        for feel in ["someone else entirely", marker] {
            let result = try Runner.run(
                ["interview", instrument, "--db", "study.sqlite", "--interviewer", "PR01"],
                input: "\(feel)\n1\n2\ndone\n",
                directory: directory)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let path = directory.appendingPathComponent("study.sqlite").path
        return try #require(try StoreFixtures.scalar(path, "SELECT code FROM interview ORDER BY id DESC LIMIT 1"))
    }

    /// A reader in another process: a read transaction held open for `seconds`.
    private func reader(_ directory: URL, seconds: Int) throws -> LiveProcess {
        let script = """
            import sqlite3, sys, time
            c = sqlite3.connect('study.sqlite', isolation_level=None)
            c.execute('BEGIN')
            c.execute('SELECT count(*) FROM answer').fetchall()
            print('reading', flush=True)
            time.sleep(\(seconds))
            """
        let process = try LiveProcess(
            ["python3", "-c", script], directory: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(process.wait(for: "reading"))
        return process
    }

    /// Issue 13, item 10: with a reader holding a read transaction, `withdraw` said "erased"
    /// while the code and free text stayed in the file. It waits for the reader, then checks.
    @Test func withdrawWaitsForAReaderAndLeavesNoTrace() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = "withdraw-marker-\(UUID().uuidString)"
        let code = try study(directory, marker: marker)
        let path = directory.appendingPathComponent("study.sqlite").path
        // Longer than SQLite's busy timeout (15 s), which is all a single checkpoint waits.
        let reading = try reader(directory, seconds: 18)
        let result = try Runner.run(["withdraw", "--db", "study.sqlite", code, "--yes"], directory: directory)
        // Read at once, as the reader's own close would checkpoint the file.
        let bytes = StoreFixtures.rawBytes(path)
        reading.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(bytes.range(of: Data(marker.utf8)) == nil, "the free text is still in the file")
        #expect(bytes.range(of: Data(code.utf8)) == nil, "the participant code is still in the file")
        #expect(bytes.range(of: Data("someone else entirely".utf8)) != nil)
    }

    /// Issue 13, item 10: when the reader does not stop in time, `withdraw` says so and exits
    /// non-zero; run again later, it finishes the erasure.
    @Test func withdrawThatCannotFinishSaysSoAndFinishesLater() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = "withdraw-marker-\(UUID().uuidString)"
        let code = try study(directory, marker: marker)
        let path = directory.appendingPathComponent("study.sqlite").path
        let reading = try reader(directory, seconds: 60)
        let first = try Runner.run(
            ["withdraw", "--db", "study.sqlite", code, "--yes", "--wait", "2"], directory: directory)
        #expect(first.status == 74, "\(first.stdout)")
        #expect(!first.stdout.contains("erased"))
        #expect(first.stderr.contains("another program") && first.stderr.contains("again"), "\(first.stderr)")
        reading.kill()
        let second = try Runner.run(["withdraw", "--db", "study.sqlite", code, "--yes"], directory: directory)
        #expect(second.status == 0, "\(second.stderr)")
        let bytes = StoreFixtures.rawBytes(path)
        #expect(bytes.range(of: Data(marker.utf8)) == nil && bytes.range(of: Data(code.utf8)) == nil)
        // A third time there is nothing left to erase.
        let third = try Runner.run(["withdraw", "--db", "study.sqlite", code, "--yes"], directory: directory)
        #expect(third.status == 65 && third.stderr.contains("no interview has the participant code"))
    }
}
