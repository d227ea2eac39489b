// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "smsauth",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "smsauth", targets: ["smsauth"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "AWSCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "AWSServices", dependencies: ["AWSCore"]),
        .target(name: "Manifests", dependencies: ["CLibYAML"]),
        .target(
            name: "Reconciler",
            dependencies: ["Manifests", "AWSCore", "AWSServices", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "Controller",
            dependencies: [
                "Reconciler", "Manifests", "AWSCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "smsauth",
            dependencies: [
                "AWSCore", "AWSServices", "Manifests", "Reconciler", "Controller",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["AWSCore", "AWSServices", "Manifests", "Reconciler", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore", "TestSupport", .product(name: "NIOEmbedded", package: "swift-nio")]),
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
        .testTarget(
            name: "ControllerTests",
            dependencies: [
                "Controller", "Reconciler", "Manifests", "AWSCore", "TestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "smsauthTests", dependencies: ["smsauth", "TestSupport", "AWSCore", "AWSServices", "Controller", "Manifests",
                                                         .product(name: "NIOCore", package: "swift-nio"),
                                                         .product(name: "NIOPosix", package: "swift-nio")],
                    exclude: ["Fixtures", "EndToEnd/Golden"]),
    ]
)
