import Testing
@testable import Manifests

/// `UserPool.spec.smsService`, `smsConfigurationSet` and `SmsRole.spec.service`.
@Suite struct SmsServiceRuleTests {
    typealias F = Fixtures

    static let eumRole = F.doc("SmsRole", "role", ["roleName: r", "externalId: e", "service: endUserMessaging"], [])

    static let cases: [ValidationCase] = [
        ValidationCase("end user messaging pool and role valid", F.docs(
            F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "smsService: endUserMessaging",
                                       "smsConfigurationSet: signin-events"], []), eumRole)),
        ValidationCase("end user messaging by arn valid",
                       F.doc("UserPool", "quiet", ["poolName: q", "smsRoleArn: arn:aws:iam::1:role/x",
                                                   "smsExternalId: e", "smsService: endUserMessaging"], [])),
        ValidationCase("pool and role disagree", F.docs(F.pool, eumRole),
                       ["t.yaml:6:12: error: UserPool 'pool' sends SMS through sns but SmsRole 'role' grants "
                        + "endUserMessaging: set the pool's 'spec.smsService' and the role's 'spec.service' alike"]),
        ValidationCase("service without a role",
                       F.doc("UserPool", "quiet", ["poolName: q", "smsService: endUserMessaging"], []),
                       ["t.yaml:6:15: error: UserPool 'quiet' sends SMS through endUserMessaging, which needs an SMS "
                        + "role: set 'spec.smsRole' (or smsRoleArn and smsExternalId)"]),
        ValidationCase("configuration set on sns", F.docs(
            F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "smsConfigurationSet: events"], []), F.role),
                       ["t.yaml:7:24: error: 'spec.smsConfigurationSet' is only used with 'smsService: "
                        + "endUserMessaging' (SNS sends without configuration sets)"]),
        ValidationCase("configuration set name", F.docs(
            F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "smsService: endUserMessaging",
                                       "smsConfigurationSet: sign in"], []), eumRole),
                       ["t.yaml:8:24: error: 'sign in' is not a configuration set name: 1-64 letters, digits, '_' "
                        + "or '-'"]),
        ValidationCase("sns region on end user messaging", F.docs(
            F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "smsService: endUserMessaging",
                                       "smsRegion: us-west-2"], []), eumRole),
                       ["t.yaml:8:14: error: 'spec.smsRegion' is the SNS region; a pool on 'smsService: "
                        + "endUserMessaging' sends from its own region"]),
        ValidationCase("unknown service",
                       F.doc("SmsRole", "role", ["roleName: r", "externalId: e", "service: pinpoint"], []),
                       ["t.yaml:7:12: error: 'pinpoint' is not a valid value for 'spec.service': expected one of sns, "
                        + "endUserMessaging"]),
    ]

    @Test(arguments: cases)
    func smsServiceRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }
}
