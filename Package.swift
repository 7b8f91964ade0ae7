// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ti",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ti", targets: ["ti"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.50.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // Pure domain: types, rules, validation, the indicator engine. No Vapor, no Fluent.
        // Optimised even in debug builds: the indicator engine runs over 100 000 records.
        .target(
            name: "TIDomain",
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Geometry and maps: WKB, CSV reading, projections, dissolve, simplification, SVG.
        // Compiled with optimisation even in debug builds: the geography import and the
        // outline computation are hot loops over ~1.5 M vertices.
        .target(
            name: "TIGeo",
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Persistence: Fluent models, migrations, queries, importers.
        .target(
            name: "TIPersistence",
            dependencies: [
                "TIDomain", "TIGeo",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                // SHA-256 for the audit log's hash chain.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The system's zlib: public pages are kept gzip-compressed once per data version.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The web application: routes, controllers, views, API, commands.
        .target(
            name: "TIWeb",
            dependencies: [
                "TIDomain", "TIGeo", "TIPersistence", "CZlib",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(name: "ti", dependencies: ["TIWeb"]),
        .testTarget(name: "TIDomainTests", dependencies: ["TIDomain"]),
        .testTarget(
            name: "TIGeoTests", dependencies: ["TIGeo"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .testTarget(
            name: "TIWebTests",
            dependencies: [
                "TIWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
