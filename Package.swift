// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "SanteKit",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "SanteCore", targets: ["SanteCore"]),
        .library(name: "SanteHTTP", targets: ["SanteHTTP"]),
        .library(name: "ProSanteConnect", targets: ["ProSanteConnect"]),
        .library(name: "SanteDMP", targets: ["SanteDMP"]),
        .library(name: "SanteOpenData", targets: ["SanteOpenData"]),
        .library(name: "SanteNotify", targets: ["SanteNotify"]),
        .library(name: "SanteKit", targets: ["SanteKit"]),
        .library(name: "SanteAsyncHTTPClient", targets: ["SanteAsyncHTTPClient"]),
        .library(name: "SanteMockPlatform", targets: ["SanteMockPlatform"]),
        .executable(name: "sante-mock", targets: ["sante-mock"]),
        .executable(name: "sante", targets: ["sante"]),
        .executable(name: "slot-finder", targets: ["slot-finder"]),
        .executable(name: "vaccination-chart", targets: ["vaccination-chart"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Declared because the mock platform uses them directly; both already come with Hummingbird.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        // The mock platform's test certificate authority (mutual TLS).
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        .target(
            name: "SanteCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteHTTP",
            dependencies: [
                "SanteCore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProSanteConnect",
            dependencies: [
                "SanteCore", "SanteHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteDMP",
            dependencies: [
                "SanteCore", "SanteHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteOpenData",
            dependencies: [
                "SanteCore", "SanteHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteNotify",
            dependencies: [
                "SanteCore", "SanteHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteKit",
            dependencies: [
                "SanteCore", "SanteHTTP", "ProSanteConnect", "SanteDMP", "SanteOpenData", "SanteNotify",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteAsyncHTTPClient",
            dependencies: [
                "SanteCore", "SanteHTTP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteMockPlatform",
            dependencies: [
                "SanteCore",
                // Delivers the mock's webhooks and FHIR subscription notifications.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sante-mock",
            dependencies: [
                "SanteMockPlatform", "SanteCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sante",
            dependencies: [
                "SanteKit", "SanteMockPlatform", "SanteAsyncHTTPClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Examples/sante",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "slot-finder",
            dependencies: [
                "SanteKit", "SanteOpenData", "SanteMockPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/slot-finder",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "vaccination-chart",
            dependencies: [
                "SanteKit", "SanteOpenData", "SanteAsyncHTTPClient", "SanteMockPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/vaccination-chart",
            swiftSettings: strictSettings
        ),
        .target(
            name: "SanteTransportConformance",
            dependencies: [
                "SanteHTTP", "SanteCore", "SanteMockPlatform",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/SanteTransportConformance",
            swiftSettings: strictSettings
        ),
        // Starts programs for the tests without Foundation's `Process` (see ChildProcess.swift).
        .target(name: "SanteTestSupport", path: "Tests/SanteTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "SanteCoreTests", dependencies: ["SanteCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ProSanteConnectTests",
            dependencies: [
                "ProSanteConnect", "SanteMockPlatform", "SanteAsyncHTTPClient", "SanteDMP", "SanteTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteOpenDataTests",
            dependencies: [
                "SanteOpenData", "SanteCore", "SanteHTTP", "SanteMockPlatform", "SanteAsyncHTTPClient",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteAsyncHTTPClientTests",
            dependencies: [
                "SanteAsyncHTTPClient", "SanteHTTP", "SanteCore", "SanteMockPlatform", "SanteTransportConformance",
                "SanteTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteHTTPTests",
            dependencies: [
                "SanteHTTP", "SanteCore", "SanteMockPlatform",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteMockPlatformTests",
            dependencies: [
                "SanteMockPlatform", "SanteCore", "SanteAsyncHTTPClient", "SanteHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteDMPTests",
            dependencies: [
                "SanteDMP", "SanteCore", "SanteHTTP", "SanteMockPlatform",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteNotifyTests",
            dependencies: [
                "SanteNotify", "SanteCore", "SanteHTTP", "SanteMockPlatform",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteKitTests",
            dependencies: ["SanteKit", "SanteMockPlatform"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SanteCLITests",
            dependencies: [
                "sante", "sante-mock", "slot-finder", "vaccination-chart", "SanteMockPlatform", "SanteTestSupport",
                "SanteAsyncHTTPClient", "SanteHTTP", .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
