import Testing

/// A count option given a negative number says the number is out of range, not that the option has no value (the
/// number is not taken for an unknown flag).
@Suite struct CountOptionTests {
    @Test(arguments: [
        (["reconcile", "manifests", "--dry-run", "--concurrency", "-1"], "--concurrency must be at least 1."),
        (["reconcile", "manifests", "--concurrency", "0"], "--concurrency must be at least 1."),
        (["controller", "manifests", "--workers", "-3"], "--workers must be between 1 and 64."),
        (["controller", "manifests", "--concurrency", "-8"], "--concurrency must be at least 1."),
    ])
    func aNegativeCountIsOutOfRange(_ arguments: [String], _ message: String) async throws {
        let result = try await CLIRunner.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("error: \(message)"), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
    }

    /// A flag after a count option is not taken for its value: `--concurrency --dry-run` is an argument error, never
    /// a run without `--dry-run`.
    @Test func aFlagIsNotACount() async throws {
        let result = try await CLIRunner.run(["reconcile", "manifests", "--concurrency", "--dry-run"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--dry-run"), "\(result.stderr)")
    }
}
