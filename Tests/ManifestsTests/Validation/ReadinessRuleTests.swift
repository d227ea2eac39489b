import Testing
@testable import Manifests

/// SMS-readiness warnings: setups that apply but leave users without a code, a session or a way to recover.
@Suite struct ReadinessRuleTests {
    typealias F = Fixtures

    /// An MfaPolicy named `m` for `pool` with these spec lines.
    static func mfa(_ lines: [String]) -> String { F.doc("MfaPolicy", "m", ["userPool: pool"] + lines, []) }

    static let smsOnly = "t.yaml:6:9: warning: MFA is ON with SMS as the only factor: a user who cannot receive SMS (a "
        + "lost phone, a carrier that drops the message, a number not verified while the account is in the SMS "
        + "sandbox) cannot sign in"
    static let smsOnlyFix = "; set 'spec.totp.enabled: true' as a second factor, or mode OPTIONAL"

    static let cases: [ValidationCase] = [
        ValidationCase("mfa on with sms only warns",
                       F.docs(mfa(["mode: ON", "sms: {enabled: true}"]), F.phonePool, F.role),
                       [smsOnly + smsOnlyFix]),
        ValidationCase("mfa on with sms only and sandbox numbers says so",
                       F.docs(mfa(["mode: ON", "sms: {enabled: true}"]), F.phonePool, F.role,
                              F.sandbox("s", "+447700900123")),
                       [smsOnly + "; region us-east-1 has SandboxNumbers, so the account is likely in the SMS sandbox"
                        + smsOnlyFix], region: "us-east-1"),
        ValidationCase("mfa on with sms and totp is fine",
                       F.docs(mfa(["mode: ON", "sms: {enabled: true}", "totp: {enabled: true}"]), F.phonePool, F.role)),
        ValidationCase("optional sms-only mfa is fine",
                       F.docs(mfa(["mode: OPTIONAL", "sms: {enabled: true}"]), F.phonePool, F.role)),
        ValidationCase("sms mfa without phone auto-verified warns",
                       F.docs(mfa(["mode: OPTIONAL", "sms: {enabled: true}"]), F.pool, F.role),
                       ["t.yaml:7:18: warning: SMS MFA is enabled but UserPool 'pool' does not verify phone_number: "
                        + "codes go to numbers no user proved they own; add phone_number to its "
                        + "'spec.autoVerifiedAttributes'"]),
        ValidationCase("sms enabled with mfa off needs no verification",
                       F.docs(mfa(["mode: OFF", "sms: {enabled: true}"]), F.pool, F.role)),
        ValidationCase("phone username without auto-verification warns",
                       F.doc("UserPool", "quiet", ["poolName: q", "usernameAttributes: [phone_number]"], []),
                       ["t.yaml:6:23: warning: UserPool 'quiet' signs users in by phone_number but does not verify "
                        + "it: sign-up sends no SMS code, so users must be confirmed by an administrator, and a phone "
                        + "alias works only once verified; add phone_number to 'spec.autoVerifiedAttributes'"]),
        ValidationCase("phone alias without auto-verification warns",
                       F.doc("UserPool", "quiet", ["poolName: q", "aliasAttributes: [email, phone_number]"], []),
                       ["t.yaml:6:20: warning: UserPool 'quiet' signs users in by phone_number but does not verify "
                        + "it: sign-up sends no SMS code, so users must be confirmed by an administrator, and a phone "
                        + "alias works only once verified; add phone_number to 'spec.autoVerifiedAttributes'"]),
        ValidationCase("phone username auto-verified is fine",
                       F.docs(F.doc("UserPool", "pool", ["poolName: p", "smsRole: role",
                                                         "usernameAttributes: [phone_number]",
                                                         "autoVerifiedAttributes: [phone_number]"], []), F.role)),
        ValidationCase("unregistered us 10dlc number warns",
                       F.doc("OriginationIdentity", "n", ["region: us-east-1", "phoneNumber: {isoCountryCode: US, "
                             + "numberType: TEN_DLC, messageType: TRANSACTIONAL, capabilities: [SMS]}"], []),
                       ["t.yaml:6:49: warning: a US TEN_DLC number needs a registration: US carriers drop SMS from "
                        + "unregistered toll-free and 10DLC numbers; set 'spec.phoneNumber.registrationId' to the End "
                        + "User Messaging registration"]),
        ValidationCase("registered us toll-free number is fine", F.tollFree),
        ValidationCase("unregistered non-us toll-free number is fine",
                       F.doc("OriginationIdentity", "n", ["region: us-east-1", "phoneNumber: {isoCountryCode: CA, "
                             + "numberType: TOLL_FREE, messageType: TRANSACTIONAL, capabilities: [SMS]}"], [])),
        ValidationCase("client without refresh tokens warns",
                       F.docs(F.doc("AppClient", "c", ["userPool: pool", "clientName: c",
                                                       "explicitAuthFlows: [ALLOW_USER_SRP_AUTH]"], []),
                              F.phonePool, F.role),
                       ["t.yaml:7:22: warning: AppClient 'c' does not allow ALLOW_REFRESH_TOKEN_AUTH: every session "
                        + "ends when its tokens expire, and each new sign-in costs another SMS code; add "
                        + "ALLOW_REFRESH_TOKEN_AUTH to 'spec.explicitAuthFlows'"]),
        ValidationCase("client with refresh tokens is fine",
                       F.docs(F.doc("AppClient", "c", ["userPool: pool", "clientName: c", "explicitAuthFlows: "
                                                       + "[ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"], []),
                              F.phonePool, F.role)),
        ValidationCase("recovery on an uncollected attribute warns",
                       F.doc("UserPool", "quiet", ["poolName: q", "usernameAttributes: [email]",
                                                   "accountRecovery: [verified_email, verified_phone_number]"], []),
                       ["t.yaml:7:37: warning: UserPool 'quiet' recovers accounts by verified_phone_number but does "
                        + "not collect phone_number (not a username, alias or auto-verified attribute), so users "
                        + "cannot recover that way; add phone_number to 'spec.autoVerifiedAttributes' or remove "
                        + "verified_phone_number"]),
        ValidationCase("recovery on collected attributes is fine",
                       F.docs(F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "aliasAttributes: [email]",
                                                         "autoVerifiedAttributes: [phone_number]",
                                                         "accountRecovery: [verified_phone_number, verified_email]"],
                                    []), F.role)),
    ]

    @Test(arguments: cases)
    func readinessRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }
}
