import Testing

/// `smsauth controller --registration-poll-interval`: documented in the help, checked before anything starts.
@Suite struct ControllerRegistrationPollFlagTests {
    @Test func helpDocumentsTheFlagAndItsDefault() async throws {
        let result = try await CLIRunner.run(["controller", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--registration-poll-interval"), "\(result.stdout)")
        #expect(result.stdout.contains("(1h)"), "\(result.stdout)")
    }

    @Test(arguments: [["--registration-poll-interval", "500ms"], ["--registration-poll-interval", "soon"]])
    func badIntervalsAreRefused(_ arguments: [String]) async throws {
        let result = try await CLIRunner.run(["controller", "manifests"] + arguments)
        #expect(result.status != 0, "\(result.stderr)")
        #expect(result.stderr.contains("registration-poll-interval"), "\(result.stderr)")
    }
}
