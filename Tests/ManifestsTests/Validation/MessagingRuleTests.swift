import Testing
@testable import Manifests

/// Sandbox numbers, origination identities, phone pools and account settings.
@Suite struct MessagingRuleTests {
    typealias F = Fixtures

    /// An origination identity with the given spec lines.
    static func identity(_ name: String, _ spec: [String]) -> String { F.doc("OriginationIdentity", name, spec, []) }

    /// Eleven different sandbox numbers in us-east-1.
    static let elevenNumbers = (0...10).map { F.sandbox("n\($0)", "+14155550\(100 + $0)") }.joined(separator: "---\n")

    static let cases: [ValidationCase] = [
        ValidationCase("phone number valid", F.sandbox("s", "+447700900123")),
        ValidationCase("phone number not E.164", F.sandbox("s", "0044 7700 900123"),
                       ["t.yaml:6:16: error: '0044 7700 900123' is not an E.164 phone number (like +14155550123)"]),
        ValidationCase("sender id valid", identity("sid", ["senderId: {senderId: QNA_TIME-1, isoCountryCode: IN}"])),
        ValidationCase("sender id without letter", identity("sid", ["senderId: {senderId: '12345', isoCountryCode: IN}"]),
                       ["t.yaml:5:24: error: sender ID '12345' must be 1-11 of A-Z, a-z, 0-9, '_' and '-', with at "
                        + "least one letter"]),
        ValidationCase("default sender id valid", F.doc("SmsAccountSettings", "default", ["defaultSenderId: QNATIME"],
                                                        [])),
        ValidationCase("default sender id with underscore",
                       F.doc("SmsAccountSettings", "default", ["defaultSenderId: QNA_TIME"], []),
                       ["t.yaml:5:20: error: default sender ID 'QNA_TIME' must be 1-11 letters and digits, with at "
                        + "least one letter"]),
        ValidationCase("identity with neither form", identity("none", ["region: us-east-1"]),
                       ["t.yaml:2:7: error: OriginationIdentity 'none' needs one of 'spec.phoneNumber' and "
                        + "'spec.senderId'"]),
        ValidationCase("identity with both forms", identity("both", [
            "phoneNumber: {isoCountryCode: US, numberType: TOLL_FREE, messageType: TRANSACTIONAL, capabilities: [SMS], "
            + "registrationId: r}",
            "senderId: {senderId: QNA, isoCountryCode: US}"]),
                       ["t.yaml:6:13: error: 'spec.phoneNumber' and 'spec.senderId' are exclusive: an "
                        + "OriginationIdentity is one or the other"]),
        ValidationCase("simulator transactional valid", identity("sim", [
            "phoneNumber: {isoCountryCode: US, numberType: SIMULATOR, messageType: TRANSACTIONAL, capabilities: [SMS]}"])),
        ValidationCase("simulator promotional", identity("sim", [
            "phoneNumber: {isoCountryCode: US, numberType: SIMULATOR, messageType: PROMOTIONAL, capabilities: [SMS]}"]),
                       ["t.yaml:5:73: error: SIMULATOR numbers must have messageType TRANSACTIONAL"]),
        ValidationCase("ten sandbox numbers valid",
                       (0...9).map { F.sandbox("n\($0)", "+1415555010\($0)") }.joined(separator: "---\n")),
        ValidationCase("eleven sandbox numbers", elevenNumbers,
                       ["t.yaml:73:18: error: SandboxNumber 'n10' is number 11 in the SNS SMS sandbox of region us-east-1, "
                        + "which allows at most 10"]),
        ValidationCase("account settings per region valid", F.docs(
            F.doc("SmsAccountSettings", "east", ["region: us-east-1"], []),
            F.doc("SmsAccountSettings", "west", ["region: us-west-2"], []))),
        ValidationCase("two account settings in the default region", F.docs(
            F.doc("SmsAccountSettings", "east", [], []) + "  region: us-east-1\n",
            F.doc("SmsAccountSettings", "other", ["monthlySpendLimitUSD: 1"], [])),
                       ["t.yaml:9:18: error: region us-east-1 already has SmsAccountSettings 'east' (t.yaml:2:7); at "
                        + "most one per region"], region: "us-east-1"),
        ValidationCase("spend limit and sampling rate ranges", F.doc("SmsAccountSettings", "default", [
            "monthlySpendLimitUSD: -1", "deliveryStatusSuccessSamplingRate: 101", "defaultSmsType: Transactional"], []),
                       ["t.yaml:5:25: error: 'spec.monthlySpendLimitUSD' must be at least 0, found -1",
                        "t.yaml:6:38: error: 'spec.deliveryStatusSuccessSamplingRate' must be between 0 and 100, "
                        + "found 101"]),
        ValidationCase("country code", identity("sid", ["senderId: {senderId: QNA, isoCountryCode: India}"]),
                       ["t.yaml:5:45: error: 'India' is not an ISO 3166-1 alpha-2 country code (two capital letters, "
                        + "like US)"]),
        ValidationCase("phone pool consistent", F.docs(F.doc("PhonePool", "pp", [
            "region: us-east-1", "originationIdentities: [tf]", "isoCountryCode: US", "messageType: TRANSACTIONAL"], []),
                                                       F.tollFree)),
        ValidationCase("phone pool inconsistent", F.docs(F.doc("PhonePool", "pp", [
            "region: us-west-2", "originationIdentities: [tf]", "isoCountryCode: CA", "messageType: PROMOTIONAL"], []),
                                                         F.tollFree),
                       ["t.yaml:6:27: error: OriginationIdentity 'tf' does not fit PhonePool 'pp': country US, not CA; "
                        + "message type TRANSACTIONAL, not PROMOTIONAL; region us-east-1, not region us-west-2"]),
    ]

    @Test(arguments: cases)
    func messagingRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }
}
