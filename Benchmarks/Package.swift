// swift-tools-version: 6.1
// Performance benchmarks for SanteKit, in their own package so that the library never depends on the benchmark
// framework. Run them from this directory; see Documentation/Performance.md at the repository root.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "SanteKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "SanteKit", path: ".."),
        // Already in the graph through SanteKit; declared because the benchmark code uses them directly.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Transports, MockPlatformThroughput and DMPLargeDocuments: the bare AsyncHTTPClient baseline.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    ],
    targets: [
        // Starts and stops an out-of-process `sante-mock` for the benchmarks that talk to it over real TCP.
        .target(
            name: "MockServerSupport",
            path: "Benchmarks/MockServerSupport",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "RequestPipeline",
            dependencies: [
                "MockServerSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteKit", package: "SanteKit"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RequestPipeline",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "JSONDecoding",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/JSONDecoding",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "IDTokenVerification",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ProSanteConnect", package: "SanteKit"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/IDTokenVerification",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "DMPDocuments",
            dependencies: [
                "MockServerSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteDMP", package: "SanteKit"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/DMPDocuments",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "WebhookVerification",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteNotify", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/WebhookVerification",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "Transports",
            dependencies: [
                "MockServerSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteAsyncHTTPClient", package: "SanteKit"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Transports",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "MockPlatformThroughput",
            dependencies: [
                "MockServerSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteMockPlatform", package: "SanteKit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/MockPlatformThroughput",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "DMPLargeDocuments",
            dependencies: [
                "MockServerSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteDMP", package: "SanteKit"),
                .product(name: "SanteAsyncHTTPClient", package: "SanteKit"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/DMPLargeDocuments",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "OpenDataStreaming",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteOpenData", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
            ],
            path: "Benchmarks/OpenDataStreaming",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "SlotFinder",
            dependencies: [
                "MockServerSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SanteOpenData", package: "SanteKit"),
                .product(name: "SanteAsyncHTTPClient", package: "SanteKit"),
                .product(name: "SanteHTTP", package: "SanteKit"),
                .product(name: "SanteCore", package: "SanteKit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/SlotFinder",
            swiftSettings: strictSettings,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ]
)
