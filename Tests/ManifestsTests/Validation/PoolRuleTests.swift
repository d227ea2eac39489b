import Testing
@testable import Manifests

/// User pool, app client and MFA rules.
@Suite struct PoolRuleTests {
    typealias F = Fixtures

    static let cases: [ValidationCase] = [
        ValidationCase("username and alias exclusive valid",
                       F.doc("UserPool", "quiet", ["poolName: q", "usernameAttributes: [email]", "aliasAttributes: []"],
                             [])),
        ValidationCase("username and alias exclusive",
                       F.doc("UserPool", "quiet", ["poolName: q", "usernameAttributes: [email]",
                                                   "aliasAttributes: [preferred_username]"], []),
                       ["t.yaml:7:20: error: 'spec.usernameAttributes' and 'spec.aliasAttributes' are exclusive: use "
                        + "one of them"]),
        ValidationCase("sms role by arn valid",
                       F.doc("UserPool", "quiet", ["poolName: q", "smsRoleArn: arn:aws:iam::1:role/x",
                                                   "smsExternalId: e"], [])),
        ValidationCase("sms role both ways", F.docs(
            F.doc("UserPool", "pool", ["poolName: q", "smsRole: role", "smsRoleArn: arn:aws:iam::1:role/x"], []),
            F.role),
                       ["t.yaml:7:15: error: 'spec.smsRole' (role) and 'spec.smsRoleArn' are exclusive: name an "
                        + "SmsRole manifest, or give smsRoleArn and smsExternalId"]),
        ValidationCase("sms role arn without external id",
                       F.doc("UserPool", "quiet", ["poolName: q", "smsRoleArn: arn:aws:iam::1:role/x"], []),
                       ["t.yaml:6:15: error: 'spec.smsRoleArn' needs 'spec.smsExternalId' (the external id in the "
                        + "role's trust policy)"]),
        ValidationCase("auto-verified phone with role", F.docs(
            F.doc("UserPool", "pool", ["poolName: q", "smsRole: role", "autoVerifiedAttributes: [phone_number]"], []),
            F.role)),
        ValidationCase("auto-verified phone without role",
                       F.doc("UserPool", "quiet", ["poolName: q", "autoVerifiedAttributes: [email, phone_number]"],
                             []),
                       ["t.yaml:6:35: error: UserPool 'quiet' verifies phone_number automatically, which needs an SMS "
                        + "role: set 'spec.smsRole' (or smsRoleArn and smsExternalId)"]),
        ValidationCase("messages valid", F.doc("UserPool", "quiet", [
            "poolName: q", "verificationMessages: {sms: 'Code {####}', email: 'Code {####}', emailSubject: Hi}",
            "adminCreateUser: {inviteSmsMessage: 'User {username} password {####}'}"], [])),
        ValidationCase("verification sms without code", F.doc("UserPool", "quiet", [
            "poolName: q", "verificationMessages:", "  sms: Your code"], []),
                       ["t.yaml:7:10: error: 'spec.verificationMessages.sms' must contain {####}"]),
        ValidationCase("verification sms too long", F.doc("UserPool", "quiet", [
            "poolName: q", "verificationMessages:", "  sms: \"{####}" + String(repeating: "x", count: 140) + "\""], []),
                       ["t.yaml:7:10: error: 'spec.verificationMessages.sms' must be 6-140 characters, found 146"]),
        ValidationCase("invite without username", F.doc("UserPool", "quiet", [
            "poolName: q", "adminCreateUser:", "  inviteSmsMessage: Password {####}"], []),
                       ["t.yaml:7:23: error: 'spec.adminCreateUser.inviteSmsMessage' must contain {username}"]),
        ValidationCase("password policy ranges", F.doc("UserPool", "quiet", [
            "poolName: q", "passwordPolicy:", "  minimumLength: 100", "  temporaryPasswordValidityDays: -1"], []),
                       ["t.yaml:7:20: error: 'spec.passwordPolicy.minimumLength' must be between 6 and 99, found 100",
                        "t.yaml:8:36: error: 'spec.passwordPolicy.temporaryPasswordValidityDays' must be between 0 "
                        + "and 365, found -1"]),
        ValidationCase("custom attributes", F.doc("UserPool", "quiet", [
            "poolName: q", "customAttributes:",
            "  - {name: tenant, type: String, minLength: 5, maxLength: 2}",
            "  - {name: tenant, type: Number, maxLength: 3}"], []),
                       ["t.yaml:7:61: error: 'maxLength' (2) is below its minimum (5)",
                        "t.yaml:8:14: error: custom attribute 'tenant' is declared twice",
                        "t.yaml:8:47: error: 'maxLength' applies to String attributes only"]),
        ValidationCase("token validity valid", F.docs(F.doc("AppClient", "c", [
            "userPool: pool", "clientName: c", "tokenValidity: {accessToken: 5m, idToken: 1d, refreshToken: 3650d}"],
            []), F.pool, F.role)),
        ValidationCase("token validity out of range", F.docs(F.doc("AppClient", "c", [
            "userPool: pool", "clientName: c", "tokenValidity: {accessToken: 4m, idToken: 25h, refreshToken: 59m}"],
            []), F.pool, F.role),
                       ["t.yaml:7:32: error: 'spec.tokenValidity.accessToken' must be between 5m and 1d, found 4m",
                        "t.yaml:7:45: error: 'spec.tokenValidity.idToken' must be between 5m and 1d, found 25h",
                        "t.yaml:7:64: error: 'spec.tokenValidity.refreshToken' must be between 60m and 3650d, found "
                        + "59m"]),
        ValidationCase("mfa valid", F.docs(F.doc("MfaPolicy", "m", [
            "userPool: pool", "mode: ON", "sms: {enabled: true, message: 'Code {####}'}", "totp: {enabled: true}"], []),
                                           F.phonePool, F.role)),
        ValidationCase("mfa without factor", F.docs(F.doc("MfaPolicy", "m", [
            "userPool: pool", "mode: OPTIONAL", "totp: {enabled: false}"], []), F.pool, F.role),
                       ["t.yaml:6:9: error: MFA mode OPTIONAL needs at least one factor: set 'spec.sms.enabled' or "
                        + "'spec.totp.enabled' to true"]),
        ValidationCase("mfa message too short", F.docs(F.doc("MfaPolicy", "m", [
            "userPool: pool", "mode: OFF", "sms: {message: '{###'}"], []), F.pool, F.role),
                       ["t.yaml:7:18: error: 'spec.sms.message' must be 6-140 characters, found 4"]),
        ValidationCase("sms mfa without role", F.docs(F.doc("MfaPolicy", "m", [
            "userPool: quiet", "mode: OFF", "sms: {enabled: true}"], []), F.quiet),
                       ["t.yaml:7:18: error: SMS MFA needs UserPool 'quiet' to have an SMS role: set its "
                        + "'spec.smsRole' (or smsRoleArn and smsExternalId)"]),
        ValidationCase("one mfa policy per pool", F.docs(
            F.doc("MfaPolicy", "m1", ["userPool: quiet", "mode: OFF"], []),
            F.doc("MfaPolicy", "m2", ["userPool: quiet", "mode: OFF"], []), F.quiet),
                       ["t.yaml:12:13: error: UserPool 'quiet' already has MfaPolicy 'm1' (t.yaml:2:7); a pool takes "
                        + "at most one"]),
        ValidationCase("us sms without origination warns",
                       F.docs(F.pool, F.role, F.sandbox("s", "+14155550100")),
                       ["t.yaml:6:12: warning: UserPool 'pool' sends SMS in region us-east-1, which has +1 sandbox "
                        + "numbers but no US OriginationIdentity: US carriers drop SMS from unregistered numbers "
                        + "since June 2021"], region: "us-east-1"),
        ValidationCase("us sms with origination is fine",
                       F.docs(F.pool, F.role, F.sandbox("s", "+14155550100"), F.tollFree), region: "us-east-1"),
    ]

    @Test(arguments: cases)
    func poolRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }
}
