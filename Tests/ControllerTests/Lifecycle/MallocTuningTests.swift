import Testing

@testable import Controller

/// The glibc malloc calls are found and applied (the test process runs on glibc, as the controller does).
@Suite("MallocTuning")
struct MallocTuningTests {
    /// `mallopt` is found and accepts the setting; `malloc_trim` runs.
    @Test func arenaLimitIsApplied() {
        #expect(MallocTuning.limitArenas(to: 8))
        MallocTuning.releaseFreeMemory()
    }
}
