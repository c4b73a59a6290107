// swift-tools-version:6.0
import PackageDescription

// Module boundaries follow DESIGN.md: a pure core, the SQLite store, the command tree, and thin entry points.
let package = Package(
    name: "spasm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spasm", targets: ["spasm"]),
        .executable(name: "spasm-synth", targets: ["spasm-synth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "SpasmCore"),
        .target(name: "SpasmStore", dependencies: [
            "SpasmCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "SpasmCLI", dependencies: [
            "SpasmCore", "SpasmStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "spasm",
            dependencies: ["SpasmCLI"],
            // A fully static `spasm` skips the dynamic loader's relocations: about a third of the
            // start-up of a command typed many times a day (bench/run measures it).
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(name: "spasm-synth", dependencies: ["SpasmCore", "SpasmStore"]),
        .executableTarget(name: "spasm-plan-bench", dependencies: ["SpasmCore"]),

        .testTarget(name: "SpasmCoreTests", dependencies: ["SpasmCore"]),
        .testTarget(name: "SpasmStoreTests", dependencies: ["SpasmStore"]),
        .testTarget(name: "SpasmEndToEndTests", dependencies: ["spasm", "spasm-synth", "SpasmStore"]),
    ],
    swiftLanguageModes: [.v6]
)
