import Testing
@testable import Manifests

/// Two manifests claiming one AWS resource: every kind's identity, with both locations and the field named.
@Suite struct ClaimRuleTests {
    typealias F = Fixtures

    /// An SmsRole `name` with role name `roleName` and extra spec lines.
    static func role(_ name: String, _ roleName: String, _ extra: [String] = []) -> String {
        F.doc("SmsRole", name, ["roleName: \(roleName)", "externalId: e"] + extra, [])
    }

    /// A UserPool `name` with pool name `poolName` and extra spec lines.
    static func pool(_ name: String, _ poolName: String, _ extra: [String] = []) -> String {
        F.doc("UserPool", name, ["poolName: \(poolName)"] + extra, [])
    }

    /// An AppClient `name` of UserPool `pool` called `clientName`.
    static func client(_ name: String, pool: String, _ clientName: String) -> String {
        F.doc("AppClient", name, ["userPool: \(pool)", "clientName: \(clientName)"], [])
    }

    /// An OriginationIdentity `name` with the given spec lines.
    static func identity(_ name: String, _ spec: [String]) -> String { F.doc("OriginationIdentity", name, spec, []) }

    /// A PhonePool `name` adopting `adopt`, listing the toll-free identity `tf`.
    static func phonePool(_ name: String, adopt: String) -> String {
        F.doc("PhonePool", name, ["region: us-east-1", "adopt: \(adopt)", "originationIdentities: [tf]",
                                  "isoCountryCode: US", "messageType: TRANSACTIONAL"], [])
    }

    static let cases: [ValidationCase] = [
        ValidationCase("same clientName in one pool", F.docs(F.quiet, client("web", pool: "quiet", "app"),
                                                             client("web2", pool: "quiet", "app")),
                       ["t.yaml:19:15: error: AppClient 'web2' claims the app client named 'app' of UserPool 'quiet', "
                        + "already claimed by AppClient 'web' (spec.clientName at t.yaml:12:15): one AWS resource can "
                        + "be managed by one manifest only"]),
        ValidationCase("same clientName in two pools", F.docs(
            F.quiet, pool("other", "o"), client("web", pool: "quiet", "app"), client("web2", pool: "other", "app"))),
        ValidationCase("same role name, another case", F.docs(role("a", "SmsSender"), role("b", "smssender")),
                       ["t.yaml:12:13: error: SmsRole 'b' claims IAM role 'smssender', already claimed by SmsRole "
                        + "'a' (spec.roleName at t.yaml:5:13): one AWS resource can be managed by one manifest only"]),
        ValidationCase("a role adopting another manifest's role by ARN", F.docs(
            role("a", "sender"), role("b", "other", ["adopt: arn:aws:iam::123456789012:role/service-role/sender"])),
                       ["t.yaml:14:10: error: spec.adopt names the role 'sender' but spec.roleName is 'other': adopt "
                        + "the role the manifest names",
                        "t.yaml:14:10: error: SmsRole 'b' claims IAM role 'sender', already claimed by SmsRole 'a' "
                        + "(spec.roleName at t.yaml:5:13): one AWS resource can be managed by one manifest only"]),
        ValidationCase("a role adopting its own role name claims it once",
                       role("a", "sender", ["adopt: sender"])),
        ValidationCase("same pool name in one region", F.docs(pool("a", "shop", ["region: us-east-1"]),
                                                              pool("b", "shop")),
                       ["t.yaml:12:13: error: UserPool 'b' claims the user pool named 'shop' in region us-east-1, "
                        + "already claimed by UserPool 'a' (spec.poolName at t.yaml:5:13): one AWS resource can be "
                        + "managed by one manifest only"], region: "us-east-1"),
        ValidationCase("same pool name in two regions", F.docs(pool("a", "shop", ["region: us-east-1"]),
                                                               pool("b", "shop", ["region: eu-west-1"]))),
        ValidationCase("two pools adopting one pool, by id and by ARN", F.docs(
            pool("a", "one", ["adopt: us-east-1_AbC"]),
            pool("b", "two", ["adopt: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC"])),
                       ["t.yaml:13:10: error: UserPool 'b' claims user pool us-east-1_AbC, already claimed by "
                        + "UserPool 'a' (spec.adopt at t.yaml:6:10): one AWS resource can be managed by one manifest "
                        + "only"]),
        ValidationCase("same sandbox number in one region", F.docs(F.sandbox("a", "+14155550100"),
                                                                   F.sandbox("b", "+14155550100")),
                       ["t.yaml:13:16: error: SandboxNumber 'b' claims sandbox number +14155550100 in the SNS "
                        + "SMS sandbox of region us-east-1, already claimed by SandboxNumber 'a' (spec.phoneNumber at t.yaml:6:16): one AWS "
                        + "resource can be managed by one manifest only"]),
        ValidationCase("same sandbox number in two regions", F.docs(
            F.sandbox("a", "+14155550100"), F.sandbox("b", "+14155550100", region: "us-west-2"))),
        ValidationCase("same sender ID and country", F.docs(
            identity("a", ["region: us-east-1", "senderId: {senderId: QNA, isoCountryCode: IN}"]),
            identity("b", ["region: us-east-1", "senderId: {senderId: QNA, isoCountryCode: IN}"])),
                       ["t.yaml:13:24: error: OriginationIdentity 'b' claims sender ID QNA for IN in region "
                        + "us-east-1, already claimed by OriginationIdentity 'a' (spec.senderId.senderId at "
                        + "t.yaml:6:24): one AWS resource can be managed by one manifest only"]),
        ValidationCase("same sender ID for two countries", F.docs(
            identity("a", ["region: us-east-1", "senderId: {senderId: QNA, isoCountryCode: IN}"]),
            identity("b", ["region: us-east-1", "senderId: {senderId: QNA, isoCountryCode: GB}"]))),
        ValidationCase("adopting a sender ID another manifest declares", F.docs(
            identity("a", ["region: us-east-1", "senderId: {senderId: QNA, isoCountryCode: IN}"]),
            identity("b", ["region: us-east-1",
                           "adopt: arn:aws:sms-voice:us-east-1:123456789012:sender-id/QNA/IN",
                           "senderId: {senderId: QNB, isoCountryCode: IN}"])),
                       ["t.yaml:13:10: error: OriginationIdentity 'b' claims sender ID QNA for IN in region "
                        + "us-east-1, already claimed by OriginationIdentity 'a' (spec.senderId.senderId at "
                        + "t.yaml:6:24): one AWS resource can be managed by one manifest only"]),
        ValidationCase("two identities adopting one number", F.docs(
            identity("a", ["region: us-east-1", "adopt: phone-0123",
                           "phoneNumber: {isoCountryCode: US, numberType: TOLL_FREE, messageType: TRANSACTIONAL, "
                           + "capabilities: [SMS], registrationId: r}"]),
            identity("b", ["region: us-east-1",
                           "adopt: arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123",
                           "phoneNumber: {isoCountryCode: US, numberType: TOLL_FREE, messageType: TRANSACTIONAL, "
                           + "capabilities: [SMS], registrationId: r}"])),
                       ["t.yaml:14:10: error: OriginationIdentity 'b' claims origination identity phone-0123 in "
                        + "region us-east-1, already claimed by OriginationIdentity 'a' (spec.adopt at t.yaml:6:10): "
                        + "one AWS resource can be managed by one manifest only"]),
        ValidationCase("two numbers to request claim nothing yet", F.docs(F.tollFree,
                                                                         F.tollFree.replacingOccurrences(
                                                                             of: "name: tf", with: "name: tf2"))),
        ValidationCase("two phone pools adopting one pool", F.docs(
            F.tollFree, phonePool("a", adopt: "pool-0123"),
            phonePool("b", adopt: "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123")),
                       ["t.yaml:28:10: error: PhonePool 'b' claims phone pool pool-0123 in region us-east-1, already "
                        + "claimed by PhonePool 'a' (spec.adopt at t.yaml:18:10): one AWS resource can be managed by "
                        + "one manifest only",
                        "t.yaml:29:27: error: PhonePool 'b' claims OriginationIdentity 'tf' as a pool member, already "
                        + "claimed by PhonePool 'a' (spec.originationIdentities[0] at t.yaml:19:27): one AWS resource "
                        + "can be managed by one manifest only"]),
        ValidationCase("one number in two phone pools", F.docs(
            F.tollFree, F.doc("PhonePool", "a", ["region: us-east-1", "originationIdentities: [tf]",
                                                 "isoCountryCode: US", "messageType: TRANSACTIONAL"], []),
            F.doc("PhonePool", "b", ["region: us-east-1", "originationIdentities: [tf]",
                                     "isoCountryCode: US", "messageType: TRANSACTIONAL"], [])),
                       ["t.yaml:27:27: error: PhonePool 'b' claims OriginationIdentity 'tf' as a pool member, already "
                        + "claimed by PhonePool 'a' (spec.originationIdentities[0] at t.yaml:18:27): one AWS resource "
                        + "can be managed by one manifest only"]),
    ]

    @Test(arguments: cases)
    func claimRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }
}
