import Testing
@testable import smsauth

@Suite struct ArgumentErrorTextTests {
    @Test(arguments: [
        ("Error: Unknown option '--bogus'\nUsage: smsauth status", "error: Unknown option '--bogus'\nUsage: smsauth status"),
        ("error: already ours", "error: already ours"),
        ("Usage only", "Usage only"),
    ])
    func argumentParserPrefixBecomesSmsauths(_ message: String, _ expected: String) {
        #expect(ArgumentErrorText.prefixed(message) == expected)
    }
}
