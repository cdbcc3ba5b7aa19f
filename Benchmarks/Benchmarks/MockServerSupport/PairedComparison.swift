#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a SanteKit call and its baseline in alternating blocks within one measured iteration, and gives each side's
/// process CPU time and wall clock, so that both sides see the same machine at the same moment.
///
/// Separate benchmarks run minutes apart, and on a shared machine their medians move by more than the difference they
/// compare. Here the blocks go A B B A, so a drift during the iteration falls on both sides alike, and CPU time is
/// read from `CLOCK_PROCESS_CPUTIME_ID` (nanoseconds, every thread of the process) rather than in 10 ms ticks.
public enum PairedComparison {
    /// The totals of one side.
    public struct Side: Sendable {
        /// The process CPU time spent on this side's blocks, in nanoseconds.
        public var cpuNanoseconds: UInt64 = 0
        /// The wall-clock time of this side's blocks, in nanoseconds.
        public var wallNanoseconds: UInt64 = 0
        /// The number of calls made on this side.
        public var requests = 0
    }

    /// Runs `blocks` blocks of `requestsPerBlock` requests on each side, alternating A B B A.
    /// - Returns: The SanteKit side and the baseline side.
    public static func run(
        blocks: Int,
        requestsPerBlock: Int,
        santeKit: () async throws -> Void,
        baseline: () async throws -> Void
    ) async throws -> (santeKit: Side, baseline: Side) {
        var santeKitSide = Side()
        var baselineSide = Side()
        for block in 0..<blocks {
            let santeKitFirst = block % 2 == 0
            for turn in 0..<2 {
                let runsSanteKit = (turn == 0) == santeKitFirst
                let cpuStart = processCPUNanoseconds()
                let wallStart = monotonicNanoseconds()
                for _ in 0..<requestsPerBlock {
                    if runsSanteKit { try await santeKit() } else { try await baseline() }
                }
                let cpu = processCPUNanoseconds() &- cpuStart
                let wall = monotonicNanoseconds() &- wallStart
                if runsSanteKit {
                    santeKitSide.cpuNanoseconds += cpu
                    santeKitSide.wallNanoseconds += wall
                    santeKitSide.requests += requestsPerBlock
                } else {
                    baselineSide.cpuNanoseconds += cpu
                    baselineSide.wallNanoseconds += wall
                    baselineSide.requests += requestsPerBlock
                }
            }
        }
        return (santeKitSide, baselineSide)
    }

    /// The CPU time of the whole process (all threads), in nanoseconds.
    public static func processCPUNanoseconds() -> UInt64 {
        nanoseconds(of: CLOCK_PROCESS_CPUTIME_ID)
    }

    private static func monotonicNanoseconds() -> UInt64 {
        nanoseconds(of: CLOCK_MONOTONIC)
    }

    private static func nanoseconds(of clock: clockid_t) -> UInt64 {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return 0 }
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
