#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to a pipe or socket whose reader has gone (a child program that exited without reading its
/// standard input) must fail with `EPIPE`, not kill the whole test process with `SIGPIPE`.
public enum BrokenPipes {
    /// Ignores `SIGPIPE` for the process, once. SwiftNIO does the same the first time it opens a socket, so
    /// whether a test could die of it depended on which test ran first.
    public static func ignoreSignal() {
        _ = ignored
    }

    private static let ignored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()
}
