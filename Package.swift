// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "smsauth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smsauth", targets: ["smsauth"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "AWSCore",
            dependencies: [
                "CLibCrypto",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "AWSServices", dependencies: ["AWSCore"]),
        .target(name: "Manifests", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "Reconciler",
            dependencies: ["Manifests", "AWSCore", "AWSServices", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "Controller", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "smsauth",
            dependencies: [
                "AWSCore", "AWSServices", "Manifests", "Reconciler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore"]),
        .testTarget(name: "AWSServicesTests", dependencies: ["AWSServices", "AWSCore", "TestSupport"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests"]),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: [
                "Reconciler", "Manifests", "AWSCore", "AWSServices", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Rendering/Golden"]
        ),
        .testTarget(name: "ControllerTests", dependencies: ["Controller"]),
        .testTarget(name: "smsauthTests", dependencies: ["smsauth", "TestSupport", "AWSCore", "AWSServices"],
                    exclude: ["Fixtures", "EndToEnd/Golden"]),
    ]
)
