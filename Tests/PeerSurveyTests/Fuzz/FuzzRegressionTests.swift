import Foundation
import Testing

/// Every input the fuzzer (`FuzzTests`) or a hostile-file report found to crash or hang the
/// loader, kept in `Tests/InstrumentTests/Fixtures/fuzz/` and checked on every run through the
/// built binary: exit 0 or 65, quickly, never a signal.
struct FuzzRegressionTests {
    static let folder = Runner.root.appendingPathComponent("Tests/InstrumentTests/Fixtures/fuzz")

    static var crashers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted()
    }

    @Test(arguments: crashers)
    func aKnownCrasherIsCheckedCleanly(name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let start = Date()
        let result = try Runner.run(["check", path], timeout: 30)
        let seconds = Date().timeIntervalSince(start)
        #expect(
            result.status == 0 || result.status == 65, "\(name): exit \(result.status)\n\(result.stderr.prefix(500))")
        #expect(seconds < 20, "\(name): \(seconds) s")
    }
}
