// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "peersurvey",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "peersurvey", targets: ["peersurvey"]),
        .library(name: "Instrument", targets: ["Instrument"]),
        .library(name: "Interview", targets: ["Interview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        // The importers' readers: the .xlsx container of an XLSForm and REDCap's CSV dictionaries.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        // The model, the YAML loader, the expression language and the static checks.
        .target(
            name: "Instrument",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The interview engine: a pure state machine over an Instrument.
        .target(
            name: "Interview",
            dependencies: ["Instrument"]
        ),
        // The study database: schema, durable writes, sealing, merge, withdraw, verify.
        .target(
            name: "Store",
            dependencies: [
                "Instrument", "Interview",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the raw statements and file handle of the bulk paths.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The interviewer: the session controller, line mode and the full-screen terminal.
        .target(
            name: "Terminal",
            dependencies: ["Instrument", "Interview"]
        ),
        // One presentation kit for reports and codebooks: number formatting, escaping, JSON.
        .target(name: "Presentation"),
        // GLPK (Debian's libglpk-dev): the linear programmes of the disclosure audit.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        // The Dataset read from a study, descriptive statistics, suppression and reports.
        .target(
            name: "Analysis",
            dependencies: ["Instrument", "Store", "Presentation", "CGLPK"]
        ),
        // Simulated respondents: interviews generated through the engine, with a coverage report.
        .target(
            name: "Simulation",
            dependencies: ["Instrument", "Interview", "Store"]
        ),
        // ReadStat (Debian's libreadstat-dev) for native .sav and .dta files.
        .systemLibrary(name: "CReadStat", path: "Sources/CReadStat", providers: [.apt(["libreadstat-dev"])]),
        // Codebooks and coded datasets: CSV, syntax files, .sav/.dta, Frictionless, DDI.
        .target(
            name: "Export",
            dependencies: [
                "Instrument", "Store", "Analysis", "Presentation", "CReadStat",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Importers: REDCap data dictionaries, XLSForms and ReproSchema activities to instrument YAML.
        .target(
            name: "Importers",
            dependencies: [
                "Instrument", "Interview",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Library functions behind each subcommand, so the executable stays thin.
        .target(
            name: "PeerSurveyKit",
            dependencies: [
                "Instrument", "Interview", "Store", "Terminal", "Analysis", "Simulation", "Export", "Importers",
            ]
        ),
        .executableTarget(
            name: "peersurvey",
            dependencies: [
                "PeerSurveyKit",
                "Instrument",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: running the built binary, test folders, study fixtures.
        .target(name: "TestSupport", dependencies: ["Store", "Instrument"], path: "Tests/TestSupport"),
        .testTarget(name: "InstrumentTests", dependencies: ["Instrument", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "InterviewTests", dependencies: ["Interview", "Instrument", "TestSupport"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Instrument", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Interview", "Instrument", "Store", "TestSupport"]),
        .testTarget(
            name: "SimulationTests", dependencies: ["Simulation", "Interview", "Instrument", "Store", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Analysis", "Instrument", "Store", "TestSupport"]),
        .testTarget(name: "PresentationTests", dependencies: ["Presentation"]),
        .testTarget(
            name: "ImportersTests",
            dependencies: [
                "Importers", "Instrument", "Interview", "Export", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // docs/architecture.md's dependency rule, checked against Package.swift and the imports.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Instrument", "Store", "TestSupport"]),
        .testTarget(
            name: "PeerSurveyTests",
            dependencies: [
                "PeerSurveyKit", "Instrument", "Interview", "Store", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // A child process for the reliability tests: saves answers and acknowledges each one, so a
        // test can kill it at any moment or run several at once against one database.
        .executableTarget(name: "store-stress", dependencies: ["Store", "Instrument"], path: "Tests/StoreStress"),
        // The study-database benchmark (durable save latency, bulk insert, merge); see Benchmarks/.
        .executableTarget(name: "store-bench", dependencies: ["Store", "Instrument"], path: "Benchmarks/StoreBench"),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
