import Foundation
import GRDB
import Testing

/// The study database's files through the built binary: crashes in the middle of a checkpoint,
/// links, FIFOs, read-only folders, permissions, and files that a killed command leaves.
struct StoreFileTests {
    private func simulated(_ directory: URL, name: String = "study.sqlite", count: Int = 60) throws -> String {
        let result = try Runner.run(
            [
                "simulate", Runner.instrument("warmline-follow-up"), "--db", name, "--count", String(count), "--seed",
                "2",
                "--today", "2026-11-23",
            ], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return directory.appendingPathComponent(name).path
    }

    /// Issue 13, item 1: a `merge` killed during its checkpoint leaves a main file whose header
    /// counts pages that are still only in the WAL; SQLite replays them and the file is sound.
    @Test func aCheckpointCutShortByACrashIsNotDamage() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try simulated(directory)
        let crashed = directory.appendingPathComponent("crashed.sqlite").path
        do {
            // A connection that never checkpoints grows the database in its WAL; the files are
            // copied while it is open, as a crash would leave them.
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
                try db.execute(
                    sql: """
                        INSERT INTO instrument (name, version, content_hash, source, registered_at)
                        VALUES ('filler', 1, 'filler-hash', ?, '2026-11-23T00:00:00.000Z')
                        """, arguments: [String(repeating: "# filler line\n", count: 40_000)])
            }
            try FileManager.default.copyItem(atPath: path, toPath: crashed)
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: crashed + "-wal")
            try queue.close()
        }
        #expect(
            try StoreFixtures.applyFirstPageFromWAL(database: crashed),
            "the header does not count more pages than the file")
        let status = try Runner.run(["status", "--db", crashed], directory: directory)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Interviews: 60"))
        #expect(!status.stderr.contains("backup"))
        let verify = try Runner.run(["verify", "--db", crashed], directory: directory)
        #expect(verify.status == 0 && verify.stdout.contains("sound"), "\(verify.stderr)")
        // The next command that writes finishes the checkpoint: the main file alone is complete.
        let backup = try Runner.run(["backup", "--db", crashed, "--to", "after.sqlite"], directory: directory)
        #expect(backup.status == 0, "\(backup.stderr)")
        let instruments: Int? = try StoreFixtures.scalar(
            directory.appendingPathComponent("after.sqlite").path, "SELECT count(*) FROM instrument")
        #expect(instruments == 2)
    }

    /// Issue 13, item 1: a database reached through a symbolic link was called damaged (the
    /// size of the link, not of the file, was compared with the header).
    @Test func aDatabaseReachedThroughALinkOpens() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try simulated(directory)
        let link = directory.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        for command in [["status", "--db", link], ["verify", "--db", link]] {
            let result = try Runner.run(command, directory: directory)
            #expect(result.status == 0, "\(command[0]): \(result.stderr)")
            #expect(!result.stderr.contains("damaged"))
        }
    }

    /// Issue 13, item 5: the WAL was never checkpointed on exit, so a plain copy of the main
    /// file after three interviews held none of them.
    @Test func aPlainCopyAfterThreeInterviewsHoldsThemAll() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 3)
        let path = directory.appendingPathComponent("study.sqlite").path
        for _ in 0..<3 {
            let result = try Runner.run(
                ["interview", instrument, "--db", path, "--interviewer", "PR01"], input: "fine\n1\n2\n3\ndone\n",
                directory: directory)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0)
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let interviews: Int? = try StoreFixtures.scalar(copy, "SELECT count(*) FROM interview")
        let answers: Int? = try StoreFixtures.scalar(copy, "SELECT count(*) FROM answer")
        #expect(interviews == 3 && answers == 12)
    }

    /// Issue 13, item 7: `backup` copied a damaged database and said "Backed up".
    @Test func aDamagedDatabaseIsNotBackedUp() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try simulated(directory, count: 200)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096 * 40)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try handle.close()
        let result = try Runner.run(["backup", "--db", path, "--to", "copy.sqlite"], directory: directory)
        #expect(result.status == 65, "\(result.stdout)")
        #expect(!result.stdout.contains("Backed up"))
        #expect(result.stderr.contains("damaged") && result.stderr.contains("no backup was written"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("copy.sqlite").path))
    }

    /// Issue 13, item 7: a `study init`, `backup` or `merge` into a new file killed part-way (here
    /// by the file-size limit, SIGXFSZ) or failing on a full disk (the limit with the signal
    /// ignored: EFBIG) left a broken file that blocked the retry.
    @Test(arguments: ["killed", "disk full"])
    func anInterruptedCreationLeavesNothingInTheWay(how: String) throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try simulated(directory, name: "laptop.sqlite", count: 300)
        // `ulimit -f` counts 512-byte blocks in dash; 40 blocks is far less than any of these files.
        let prelude = how == "killed" ? "ulimit -f 40" : "trap '' XFSZ; ulimit -f 40"
        let commands: [(String, [String])] = [
            ("new.sqlite", ["study", "init", "--db", "new.sqlite", "--title", "T"]),
            ("copy.sqlite", ["backup", "--db", source, "--to", "copy.sqlite"]),
            ("merged.sqlite", ["merge", "--into", "merged.sqlite", source]),
        ]
        for (target, arguments) in commands {
            let failed = try StoreFixtures.runShell(prelude, arguments, directory: directory)
            #expect(failed.status != 0, "\(arguments[0]) did not fail under the file-size limit")
            #expect(
                !FileManager.default.fileExists(atPath: directory.appendingPathComponent(target).path),
                "\(arguments[0]) left \(target) behind")
            let retry = try Runner.run(arguments, directory: directory)
            #expect(retry.status == 0, "\(arguments[0]) retry: \(retry.stderr)")
            let verify = try Runner.run(["verify", "--db", target], directory: directory)
            #expect(verify.status == 0, "\(target): \(verify.stderr)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
                $0.hasPrefix(".")
            }
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        }
    }

    /// Issue 13, item 11: under umask 022 the database, its -wal and -shm, backups and exports
    /// were world-readable.
    @Test func studyFilesArePrivateWhateverTheUmask() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 3)
        let umask = "umask 022"
        #expect(
            try StoreFixtures.runShell(
                umask, ["study", "init", "--db", "study.sqlite", "--title", "T"], directory: directory
            ).status == 0)
        let path = directory.appendingPathComponent("study.sqlite").path
        #expect(StoreFixtures.mode(path) == 0o600)
        // While an interview runs, the WAL and shared-memory files exist.
        let window = try LiveProcess(
            [
                "-c",
                "umask 022; exec '\(Runner.binary.path)' interview '\(instrument)' --db study.sqlite --interviewer PR01",
            ],
            directory: directory, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(window.wait(for: "How do you feel today?"))
        window.send("fine")
        #expect(window.wait(for: "Value number 1?"))
        for suffix in ["-wal", "-shm", "-lock"] {
            #expect(
                StoreFixtures.mode(path + suffix) == 0o600,
                "\(suffix) is \(String(StoreFixtures.mode(path + suffix) ?? 0, radix: 8))")
        }
        window.closeInput()
        window.finish()
        #expect(
            try StoreFixtures.runShell(
                umask, ["backup", "--db", "study.sqlite", "--to", "copy.sqlite"], directory: directory
            ).status == 0)
        #expect(StoreFixtures.mode(directory.appendingPathComponent("copy.sqlite").path) == 0o600)
        #expect(
            try StoreFixtures.runShell(
                umask, ["merge", "--into", "merged.sqlite", "copy.sqlite"], directory: directory
            ).status == 0)
        #expect(StoreFixtures.mode(directory.appendingPathComponent("merged.sqlite").path) == 0o600)
        let export = try StoreFixtures.runShell(
            umask, ["export", "--db", "study.sqlite", "--to", "release"], directory: directory)
        #expect(export.status == 0, "\(export.stderr)")
        let release = directory.appendingPathComponent("release").path
        #expect(StoreFixtures.mode(release) == 0o700)
        // The data files themselves are owner-only too (the codebook and metadata files are
        // written by their own formats; the private folder covers them).
        for name in ["crash.csv", "export.json"] {
            #expect(StoreFixtures.mode((release as NSString).appendingPathComponent(name)) == 0o600, "\(name)")
        }
    }

    /// Issue 13, item 15: `--db` naming a FIFO hung every command.
    @Test func aFIFOIsRefusedAtOnce() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("study.sqlite").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for command in [
            ["status", "--db", fifo], ["verify", "--db", fifo], ["withdraw", "--db", fifo, "K7MQ-2P4X", "--yes"],
        ] {
            // A process blocked opening a FIFO may not die of SIGTERM: it is killed after 10 s.
            let process = try LiveProcess(command, directory: directory)
            let started = Date()
            let status = process.finish(timeout: 10)
            #expect(Date().timeIntervalSince(started) < 9, "\(command[0]) hung")
            #expect(status == 74 && process.text.contains("FIFO"), "\(command[0]): \(process.text)")
        }
    }

    /// Issue 13, item 15: a database in a folder nobody may write could not be read by
    /// `status`, `verify` or `describe` (SQLite could not make its shared-memory file).
    @Test func aReadOnlyDatabaseCanBeRead() throws {
        let directory = try Runner.temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            try? FileManager.default.removeItem(at: directory)
        }
        let path = try simulated(directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        let status = try StoreFixtures.runAsOtherUser(["status", "--db", path], directory: directory)
        #expect(status.status == 0 && status.stdout.contains("Interviews: 60"), "\(status.stderr)")
        let verify = try StoreFixtures.runAsOtherUser(["verify", "--db", path], directory: directory)
        #expect(verify.status == 0 && verify.stdout.contains("sound"), "\(verify.stderr)")
        let describe = try StoreFixtures.runAsOtherUser(["describe", "--db", path], directory: directory)
        #expect(describe.status == 0, "\(describe.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["study.sqlite"])
    }

    /// Issue 13, item 15: `withdraw` into a damaged database exited 0 and changed the file.
    @Test func noWriteIntoADamagedDatabase() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try simulated(directory, count: 200)
        let code: String = try #require(
            try StoreFixtures.scalar(path, "SELECT code FROM interview ORDER BY id LIMIT 1"))
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096 * 40)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try Runner.run(["withdraw", "--db", path, code, "--yes"], directory: directory)
        #expect(result.status == 65, "\(result.stdout)")
        #expect(result.stderr.contains("damaged") && result.stderr.contains("nothing was erased"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// Issue 13, item 15: a failing command changed the file (`interview` registered an
    /// instrument with identifying questions before refusing it for want of a key).
    @Test func aRefusedInterviewLeavesTheFileAsItWas() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            try Runner.run(["study", "init", "--db", "study.sqlite", "--title", "T"], directory: directory).status == 0)
        let path = directory.appendingPathComponent("study.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try Runner.run(
            ["interview", Runner.instrument("peer-support-experience"), "--db", path, "--interviewer", "PR01"],
            directory: directory)
        #expect(refused.status == 65 && refused.stderr.contains("no public key"))
        let unknown = try Runner.run(["withdraw", "--db", path, "K7MQ-2P4X", "--yes"], directory: directory)
        #expect(unknown.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }
}
