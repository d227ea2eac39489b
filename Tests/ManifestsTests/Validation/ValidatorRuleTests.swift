import Testing
@testable import Manifests

/// Each offline rule: one valid case and at least one invalid case, with exact message and location.
@Suite struct ValidatorRuleTests {
    typealias F = Fixtures

    static let general: [ValidationCase] = [
        ValidationCase("name valid", F.role),
        ValidationCase("name invalid", F.doc("SmsRole", "Role_1", ["roleName: r", "externalId: e"], []),
                       ["t.yaml:3:18: error: invalid name 'Role_1': use 1-63 lowercase letters, digits and '-', "
                        + "starting and ending with a letter or digit"]),
        ValidationCase("region valid", F.sandbox("s", "+14155550100", region: "us-gov-west-1")),
        ValidationCase("region invalid", F.sandbox("s", "+14155550100", region: "useast1"),
                       ["t.yaml:5:11: error: 'useast1' is not an AWS region name (like us-east-1)"]),
        ValidationCase("reference valid", F.docs(F.doc("AppClient", "c", ["userPool: pool", "clientName: c"], []),
                                                 F.pool, F.role)),
        ValidationCase("reference missing", F.doc("AppClient", "c", ["userPool: nothing", "clientName: c"], []),
                       ["t.yaml:5:13: error: AppClient 'c' refers to UserPool 'nothing', which is not defined"]),
        ValidationCase("reference near miss", F.docs(F.doc("MfaPolicy", "m", ["userPool: pol", "mode: OFF"], []),
                                                     F.pool, F.role),
                       ["t.yaml:5:13: error: MfaPolicy 'm' refers to UserPool 'pol', which is not defined "
                        + "(did you mean 'pool'?)"]),
        ValidationCase("reference wrong kind", F.docs(F.doc("AppClient", "c", ["userPool: role", "clientName: c"], []),
                                                      F.role),
                       ["t.yaml:5:13: error: AppClient 'c' refers to UserPool 'role', which is not defined "
                        + "(a SmsRole named 'role' exists, but a UserPool is needed)"]),
        ValidationCase("pool identity reference missing",
                       F.doc("PhonePool", "pp", ["originationIdentities: [tf, gone]", "isoCountryCode: US",
                                                 "messageType: TRANSACTIONAL", "region: us-east-1"], []) + "---\n"
                           + F.tollFree,
                       ["t.yaml:5:31: error: PhonePool 'pp' refers to OriginationIdentity 'gone', which is not "
                        + "defined"]),
        ValidationCase("external id required", F.doc("SmsRole", "role", ["roleName: r"], []),
                       ["t.yaml:5:3: error: missing required field 'externalId' in 'spec'"]),
        ValidationCase("role path valid", F.doc("SmsRole", "role", ["roleName: r", "externalId: e",
                                                                    "path: /service-role/"], [])),
        ValidationCase("role path invalid", F.doc("SmsRole", "role", ["roleName: r", "externalId: e",
                                                                      "path: service-role"], []),
                       ["t.yaml:7:9: error: IAM path 'service-role' must be '/' or start and end with '/' (like "
                        + "/service-role/)"]),
        ValidationCase("session duration range", F.doc("SmsRole", "role", ["roleName: r", "externalId: e",
                                                                           "maxSessionDurationSeconds: 60"], []),
                       ["t.yaml:7:30: error: 'spec.maxSessionDurationSeconds' must be between 3600 and 43200, "
                        + "found 60"]),
        // An integer beyond 2^53 would be shown rounded in the plan (9.223372036854776e+18) while AWS got it exact.
        ValidationCase("integer beyond the exact range",
                       F.doc("SmsAccountSettings", "us-east-1", ["region: us-east-1",
                                                                 "monthlySpendLimitUSD: 9223372036854775807"], []),
                       ["t.yaml:6:25: error: 'spec.monthlySpendLimitUSD' must be between 0 and 9007199254740991 "
                        + "(integers beyond 2^53 are not exact in the plan and the status files), found "
                        + "9223372036854775807"]),
        ValidationCase("integer at the edge of the exact range",
                       F.doc("SmsAccountSettings", "us-east-1", ["region: us-east-1",
                                                                 "monthlySpendLimitUSD: 9007199254740991"], [])),
        ValidationCase("recreate on pool warns",
                       F.docs(F.doc("UserPool", "quiet", ["poolName: q"], ["policy: {onImmutableChange: Recreate}"])),
                       ["t.yaml:6:29: warning: policy.onImmutableChange: Recreate on a UserPool deletes the pool "
                        + "and every user in it when an immutable field changes"]),
        ValidationCase("delete on origination identity warns",
                       F.tollFree + "policy: {onDelete: Delete}\n",
                       ["t.yaml:12:20: warning: policy.onDelete: Delete releases the number or sender ID when the "
                        + "manifest is removed; a release is irreversible"]),
    ]

    @Test(arguments: general)
    func generalRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    @Test func cycleFinderReportsEachCycleOnce() {
        let a = ResourceID(.userPool, "a"), b = ResourceID(.smsRole, "b"), c = ResourceID(.appClient, "c")
        #expect(ResourceGraph(dependencies: [a: [b], b: [c], c: [a]]).cycles == [[b, c, a, b]],
                "starts at the first node in apply order")
        #expect(ResourceGraph(dependencies: [a: [b], b: [], c: [a]]).cycles.isEmpty)
        #expect(ResourceGraph(dependencies: [a: [a]]).cycles == [[a, a]])
    }
}
