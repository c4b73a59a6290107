// swift-tools-version:6.0
import PackageDescription

/// link/libstdc++.so links libstdc++ statically (see Sources/spasmd/link/README.md).
let staticLibstdcxx = ["-L", Context.packageDirectory + "/Sources/spasmd/link"]

// Module boundaries follow DESIGN.md: a pure core, the SQLite store, the Varlink protocol, the
// systemd glue, the daemon's composition, the command tree, and thin entry points.
let package = Package(
    name: "spasm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spasm", targets: ["spasm"]),
        .executable(name: "spasmd", targets: ["spasmd"]),
        .executable(name: "spasm-synth", targets: ["spasm-synth"]),
        .executable(name: "spasm-render", targets: ["spasm-render"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "SpasmCore"),
        .target(name: "SpasmStore", dependencies: [
            "SpasmCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "SpasmIPC", dependencies: ["SpasmCore"]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .target(name: "SpasmSystemd", dependencies: [
            "CSystemd",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "CLinux"),
        .systemLibrary(name: "CNotify", pkgConfig: "libnotify", providers: [.apt(["libnotify-dev"])]),
        .target(name: "SpasmNotify", dependencies: ["CLinux"]),
        // libnotify, GLib and GIO live only in `spasm-notify`, which spasmd runs while notifications need it.
        .target(name: "SpasmLibnotify", dependencies: ["SpasmNotify", "CNotify", "CLinux"]),
        .target(name: "SpasmDaemon", dependencies: [
            "CLinux", "SpasmCore", "SpasmStore", "SpasmIPC", "SpasmSystemd", "SpasmNotify",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "SpasmExport", dependencies: ["SpasmCore"]),
        // cairo and pango live only in `spasm-render`, so `spasm` itself starts without them.
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .target(name: "SpasmReport", dependencies: ["SpasmCore", "SpasmExport", "CCairo", "CLinux"]),
        // Questions on a terminal in raw mode, without curses: the guided `spasm log` and any command that asks.
        .target(name: "SpasmTerminal"),
        .target(name: "SpasmCLI", dependencies: [
            "SpasmCore", "SpasmStore", "SpasmIPC", "SpasmExport", "CLinux", "SpasmTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "spasm",
            dependencies: ["SpasmCLI"],
            // A fully static `spasm` skips the dynamic loader's relocations: about a third of the
            // start-up of a command typed many times a day (bench/run measures it).
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "spasmd",
            dependencies: ["SpasmDaemon"],
            exclude: ["link"],
            // Resident memory at rest (bench/daemon): the code spasmd runs sits together (link/spasmd.order,
            // from scripts/spasmd-order), relative relocations are packed (RELR), no dynamic symbol table
            // is exported, and libstdc++ is linked statically (link/libstdc++.so). See link/README.md.
            linkerSettings: [.unsafeFlags(staticLibstdcxx + [
                "-use-ld=lld",
                "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Sources/spasmd/link/spasmd.order",
                "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                "-Xlinker", "--no-export-dynamic",
            ], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(name: "spasm-synth", dependencies: ["SpasmCore", "SpasmStore"]),
        // Runs the systemd glue in a process of its own, under systemd-socket-activate or a journald stand-in.
        .executableTarget(name: "spasm-systemd-probe", dependencies: ["SpasmSystemd"]),
        .executableTarget(name: "spasm-render", dependencies: ["SpasmReport"]),
        .executableTarget(name: "spasm-plan-bench", dependencies: ["SpasmCore", "SpasmStore"]),
        // Shows spasmd's notifications through libnotify, on the session bus its environment names,
        // while spasmd needs it; linked like spasmd (but without an order file) to stay small meanwhile.
        .executableTarget(
            name: "spasm-notify",
            dependencies: ["SpasmLibnotify"],
            linkerSettings: [.unsafeFlags(staticLibstdcxx + [
                "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
            ], .when(platforms: [.linux], configuration: .release))]
        ),
        // The Debian package's one program: spasm, spasmd, spasm-render or spasm-notify by the name it
        // is run as, so one copy of the Swift runtime, Foundation and ICU serves all four (each
        // carries 35 MB of ICU data alone). The libraries of a single mode (libsystemd; cairo and
        // pango; libnotify and GLib) are loaded when that mode starts (CLazyLibraries), so they cost
        // `spasm log` nothing (debian/install-tree drops them from the dynamic section). Linked like
        // spasmd, with an order file of its own (scripts/package-build puts each function in a section
        // of its own), and position-dependent, as the static `spasm` is: no page of pointers to
        // relocate at each start. 2026-12-03: 60 MB for the four instead of 232 MB; `spasm log` 26.1 M
        // instructions (the static spasm 24.3 M), 2.45x the C floor (bench/package); spasmd at rest
        // on a desktop 14.3 MB resident (the static one 13.8 MB; bench/reminders).
        .target(name: "CLazyLibraries"),
        .executableTarget(
            name: "spasm-multicall",
            dependencies: ["SpasmCLI", "SpasmDaemon", "SpasmReport", "SpasmLibnotify", "CLazyLibraries"],
            exclude: ["link"],
            linkerSettings: [
                .unsafeFlags(staticLibstdcxx + [
                    "-use-ld=lld", "-Xclang-linker", "-no-pie",
                    "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Sources/spasm-multicall/link/spasm-multicall.order",
                    "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                    "-Xlinker", "--no-export-dynamic",
                ], .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // A private desktop (dbus-daemon, Xvfb, dunst) for tests that need a real notification server.
        .target(name: "DesktopSession", path: "Tests/Support/DesktopSession"),

        .testTarget(name: "SpasmCoreTests", dependencies: ["SpasmCore"]),
        .testTarget(name: "SpasmStoreTests", dependencies: ["SpasmStore"]),
        .testTarget(name: "SpasmIPCTests", dependencies: ["SpasmIPC"]),
        .testTarget(name: "SpasmDaemonTests", dependencies: ["SpasmDaemon"]),
        .testTarget(name: "SpasmExportTests", dependencies: ["SpasmExport"]),
        .testTarget(name: "SpasmTerminalTests", dependencies: ["SpasmTerminal"]),
        .testTarget(name: "SpasmCLITests", dependencies: ["SpasmCLI", "SpasmTerminal"]),
        .testTarget(name: "SpasmReportTests", dependencies: ["SpasmReport", "SpasmExport", "SpasmCore"]),
        .testTarget(name: "SpasmEndToEndTests", dependencies: ["spasm", "spasmd", "spasm-synth", "spasm-render", "SpasmStore", "SpasmIPC", "DesktopSession"]),
        .testTarget(name: "SpasmSystemdTests", dependencies: ["SpasmSystemd", "spasm-systemd-probe"]),
        .testTarget(name: "SpasmNotifyTests", dependencies: ["SpasmNotify", "SpasmLibnotify", "DesktopSession", "spasm-notify"]),
    ],
    swiftLanguageModes: [.v6]
)
