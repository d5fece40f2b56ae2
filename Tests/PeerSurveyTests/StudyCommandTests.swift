import Foundation
import Store
import Testing

/// keys, study init, status, verify, backup, merge, withdraw, unseal and simulate through the
/// built binary.
struct StudyCommandTests {
    let passphrase = ["PEERSURVEY_PASSPHRASE": "correct horse battery staple"]

    @Test func theCustodianWorkflow() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func run(_ arguments: [String], input: String = "") throws -> Runner.Output {
            try Runner.run(arguments, input: input, environment: passphrase, directory: directory)
        }
        let keys = try run(["keys", "new", "--out", "custodian"])
        #expect(keys.status == 0, "\(keys.stderr)")
        let fingerprint = try #require(keys.stdout.components(separatedBy: "Fingerprint: ").last?.prefix(19))
        #expect(try run(["keys", "new", "--out", "custodian"]).status == 64)  // never overwritten
        let permissions = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("custodian.key").path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        let initialised = try run(["study", "init", "--db", "lead.sqlite", "--title", "Peer support 2026", "--key", "custodian.pub"])
        #expect(initialised.status == 0)
        #expect(initialised.stdout.contains(String(fingerprint)))
        #expect(try run(["backup", "--db", "lead.sqlite", "--to", "laptop.sqlite"]).status == 0)

        // A simulated interview on the laptop with the identifying question answered is not
        // possible (simulation refuses identifying questions), so interview in line mode.
        let simulate = try run(["simulate", Runner.instrument("peer-support-experience"), "--db", "laptop.sqlite", "--count", "25", "--seed", "3", "--today", "2026-11-23"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stdout.contains("Simulated 25 interviews"))

        let status = try run(["status", "--db", "laptop.sqlite", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect((document?["interviews"] as? [Any])?.count == 25)
        #expect(try run(["verify", "--db", "laptop.sqlite"]).stdout.contains("sound"))

        let merged = try run(["merge", "--into", "lead.sqlite", "laptop.sqlite"])
        #expect(merged.stdout.contains("25 added"), "\(merged.stdout)\(merged.stderr)")
        let again = try run(["merge", "--into", "lead.sqlite", "laptop.sqlite"])
        #expect(again.stdout.contains("0 added") && again.stdout.contains("25 already present"))

        let code = try #require(try StudyDatabase.open(at: directory.appendingPathComponent("lead.sqlite").path, readOnly: true).interviews().first?.code)
        #expect(try run(["withdraw", "--db", "lead.sqlite", code]).status == 64)  // no terminal, no --yes
        let withdrawn = try run(["withdraw", "--db", "lead.sqlite", code, "--yes"])
        #expect(withdrawn.status == 0)
        let back = try run(["merge", "--into", "lead.sqlite", "laptop.sqlite"])
        #expect(back.stdout.contains("0 added") && back.stdout.contains("1 withdrawn"))
        let unseal = try run(["unseal", "--db", "lead.sqlite", "--key", "custodian.key"])
        #expect(unseal.status == 0, "\(unseal.stderr)")
        let wrong = try Runner.run(["unseal", "--db", "lead.sqlite", "--key", "custodian.key"],
                                   environment: ["PEERSURVEY_PASSPHRASE": "not the passphrase at all"], directory: directory)
        #expect(wrong.status == 65 && wrong.stderr.contains("passphrase is wrong"))
    }

    @Test func badDatabasesAreRefusedClearly() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.txt")
        try Data("name,phone\n".utf8).write(to: text)
        for command in [["status", "--db", text.path], ["verify", "--db", text.path]] {
            let result = try Runner.run(command)
            #expect(result.status == 65)
            #expect(result.stderr.contains("is not a SQLite database"))
        }
        #expect(try Data(contentsOf: text) == Data("name,phone\n".utf8))
        let missing = try Runner.run(["status", "--db", directory.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 66 && missing.stderr.contains("peersurvey study init"))
    }
}
