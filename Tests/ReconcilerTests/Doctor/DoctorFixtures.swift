import AWSServices
@testable import Reconciler

/// Facts of a healthy pool and region, for tests to break one thing at a time.
enum DoctorFixtures {
    static let account = "123456789012"
    static let roleArn = "arn:aws:iam::123456789012:role/cognito-sms"

    /// A trust policy for Cognito with `externalId`, `account` (omitted when nil), `service` and `action`.
    static func trust(externalId: String? = "ext-1", account: String? = DoctorFixtures.account,
                      service: String = "cognito-idp.amazonaws.com", action: String = "sts:AssumeRole") -> PolicyDocument {
        var conditions: [String: JSONValue] = [:]
        if let externalId { conditions["sts:ExternalId"] = .string(externalId) }
        if let account { conditions["aws:SourceAccount"] = .string(account) }
        var statement: [String: JSONValue] = [
            "Effect": "Allow", "Principal": ["Service": .string(service)], "Action": .string(action),
        ]
        if !conditions.isEmpty { statement["Condition"] = ["StringEquals": .object(conditions)] }
        return PolicyDocument(["Version": "2012-10-17", "Statement": [.object(statement)]])
    }

    /// A permission policy with one statement.
    static func permission(effect: String = "Allow", action: String = "sns:Publish", resource: String = "*") -> PolicyDocument {
        PolicyDocument(["Version": "2012-10-17",
                        "Statement": [["Effect": .string(effect), "Action": .string(action), "Resource": .string(resource)]]])
    }

    /// The live role.
    static func role(trust: PolicyDocument? = DoctorFixtures.trust(),
                     policies: [RolePolicy] = [RolePolicy(label: "inline policy smsauth-sns-publish",
                                                          document: DoctorFixtures.permission())]) -> RoleSnapshot {
        RoleSnapshot(name: "cognito-sms", arn: roleArn, trustPolicy: trust, policies: policies)
    }

    /// Facts of a pool sending SMS through a healthy managed role.
    static func pool(pool: DoctorFact<PoolSnapshot?> = .success(PoolSnapshot(id: "eu-west-1_abc", owned: true,
                                                                               smsRoleArn: roleArn, smsExternalId: "ext-1")),
                     role: RoleFacts? = roleFacts(),
                     mfa: DoctorFact<MfaFacts>? = .success(MfaFacts(mode: "OFF", smsEnabled: false, totpEnabled: false)),
                     sendsSms: Bool = true) -> PoolFacts {
        PoolFacts(resource: "UserPool/qnatime", smsRegion: "eu-west-1", account: account, sendsSms: sendsSms,
                  pool: pool, role: role, mfa: mfa)
    }

    /// Facts of the managed role `SmsRole/cognito-sms`.
    static func roleFacts(live: DoctorFact<RoleSnapshot?> = .success(DoctorFixtures.role()),
                          managed: Bool = true, expectedExternalId: String? = "ext-1") -> RoleFacts {
        RoleFacts(reference: managed ? "SmsRole/cognito-sms" : roleArn, roleName: "cognito-sms", managed: managed,
                  expectedExternalId: expectedExternalId, live: live)
    }

    /// Facts of a region out of the sandbox with an active toll-free number and a 50 USD limit.
    static func region(inSandbox: DoctorFact<Bool> = .success(false),
                       destinations: DoctorFact<[SandboxDestination]> = .success([]),
                       usNumbers: DoctorFact<[OriginationNumber]> = .success([
                           OriginationNumber(phoneNumber: "+18005550100", status: "ACTIVE", numberType: "TOLL_FREE",
                                             registrationId: "registration-1"),
                       ]),
                       spendLimit: DoctorFact<String?> = .success("50")) -> RegionFacts {
        var facts = RegionFacts(region: "eu-west-1", inSandbox: inSandbox, destinations: destinations, usNumbers: usNumbers,
                                monthlySpendLimit: spendLimit)
        facts.registrations = .success(["registration-1": RegistrationFacts(status: "COMPLETE")])
        return facts
    }

    static let readError = DoctorReadFailure("AccessDenied (AWS AccessDenied)")
}
