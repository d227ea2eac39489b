import Foundation
import Testing

/// Runs the built `smsauth` binary, as a user would.
@Suite struct CLIHelpTests {
    @Test func helpNamesTheProduct() async throws {
        let result = try await CLIRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: smsauth"))
    }
}
