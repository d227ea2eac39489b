/// The SMS role checks (pure): the role exists, trusts Cognito with the pool's external id and account, and may
/// publish SMS.
enum SmsRoleChecks {
    /// The service principal Cognito assumes the role as.
    static let cognitoPrincipal = "cognito-idp.amazonaws.com"

    /// `sms-role-exists`; the live role when it exists.
    static func exists(_ facts: PoolFacts, role: RoleFacts) -> (DoctorCheck, RoleSnapshot?) {
        let fix = role.managed
            ? "run `smsauth reconcile` to create \(role.reference)"
            : "create the role \(role.roleName) or point spec.smsRoleArn at an existing one"
        switch role.live {
        case let .failure(failure):
            return (check(facts, "sms-role-exists", .fail, "SMS role \(role.roleName) could not be read: \(failure)",
                          fix: "check the credentials' iam:GetRole permission and try again"), nil)
        case .success(nil):
            return (check(facts, "sms-role-exists", .fail, "SMS role \(role.roleName) (\(role.reference)) does not exist",
                          fix: fix), nil)
        case let .success(live?):
            return (check(facts, "sms-role-exists", .pass, "SMS role \(live.name) exists (\(live.arn))"), live)
        }
    }

    /// `sms-role-trust`: Cognito may assume the role with the expected external id, for this account only.
    static func trust(_ facts: PoolFacts, role: RoleFacts, live: RoleSnapshot) -> DoctorCheck {
        let fix = role.managed
            ? "run `smsauth reconcile` to restore the trust policy of \(role.reference)"
            : "edit the trust policy of \(live.name): allow \(cognitoPrincipal) sts:AssumeRole with StringEquals sts:ExternalId and aws:SourceAccount"
        let trusting = PolicyStatements(live.trustPolicy).assuming(service: cognitoPrincipal)
        guard !trusting.isEmpty else {
            return check(facts, "sms-role-trust", .fail,
                         "SMS role \(live.name) does not let \(cognitoPrincipal) sts:AssumeRole", fix: fix)
        }
        let expected = role.expectedExternalId
        let matching = trusting.filter { statement in
            let ids = statement.condition("sts:ExternalId")
            return ids.isEmpty || expected.map(ids.contains) == true
        }
        guard let statement = matching.first(where: { !$0.condition("sts:ExternalId").isEmpty }) ?? matching.first else {
            let found = Set(trusting.flatMap { $0.condition("sts:ExternalId") }).sorted().joined(separator: ", ")
            return check(facts, "sms-role-trust", .fail,
                         "SMS role \(live.name) trusts Cognito only with external id \(found), but the pool uses \(expected ?? "none")",
                         fix: fix)
        }
        let accounts = statement.condition("aws:SourceAccount")
        if !accounts.isEmpty, !accounts.contains(facts.account) {
            return check(facts, "sms-role-trust", .fail,
                         "SMS role \(live.name) trusts Cognito only for account \(accounts.joined(separator: ", ")), not \(facts.account)",
                         fix: fix)
        }
        if statement.condition("sts:ExternalId").isEmpty {
            return check(facts, "sms-role-trust", .warn,
                         "SMS role \(live.name) trusts Cognito without an sts:ExternalId condition", fix: fix)
        }
        if accounts.isEmpty {
            return check(facts, "sms-role-trust", .warn,
                         "SMS role \(live.name) trusts Cognito without the aws:SourceAccount condition (confused-deputy guard)",
                         fix: fix)
        }
        return check(facts, "sms-role-trust", .pass,
                     "SMS role \(live.name) trusts Cognito with the right external id and account")
    }

    /// The grant check of the pool's service: `sms-role-publish` (SNS) or `sms-role-send` (End User Messaging).
    static func grant(_ facts: PoolFacts, role: RoleFacts, live: RoleSnapshot) -> DoctorCheck {
        facts.smsService == .sns ? publish(facts, role: role, live: live) : send(facts, role: role, live: live)
    }

    /// `sms-role-send`: an inline or attached policy allows `sms-voice:SendTextMessage` on the account's phone
    /// numbers (`*` or an `sms-voice` ARN pattern covering `phone-number/…`), and none denies it.
    static func send(_ facts: PoolFacts, role: RoleFacts, live: RoleSnapshot) -> DoctorCheck {
        let action = "sms-voice:SendTextMessage"
        let fix = role.managed
            ? "run `smsauth reconcile` to restore the inline policy smsauth-sms-voice-send of \(role.reference)"
            : "attach a policy to \(live.name) that allows \(action) on the account's sms-voice phone numbers, pools and configuration sets"
        if let policy = live.policies.first(where: { PolicyStatements($0.document).denying.contains { $0.allows(action: action) } }) {
            return check(facts, "sms-role-send", .fail, "SMS role \(live.name): \(policy.label) denies \(action)", fix: fix)
        }
        let numbers = "arn:aws:sms-voice:\(facts.smsRegion ?? "*"):\(facts.account):phone-number/*"
        let granting = live.policies.first { policy in
            PolicyStatements(policy.document).allowing.contains { statement in
                statement.allows(action: action)
                    && statement.resources.contains { PolicyStatements.matches(pattern: $0, numbers) }
            }
        }
        guard let granting else {
            return check(facts, "sms-role-send", .fail,
                         "SMS role \(live.name) has no policy allowing \(action) on the account's phone numbers", fix: fix)
        }
        return check(facts, "sms-role-send", .pass,
                     "SMS role \(live.name) may send through End User Messaging SMS (\(granting.label))")
    }

    /// `sms-role-publish`: an inline or attached policy allows `sns:Publish` on `*`, and none denies it.
    static func publish(_ facts: PoolFacts, role: RoleFacts, live: RoleSnapshot) -> DoctorCheck {
        let fix = role.managed
            ? "run `smsauth reconcile` to restore the inline policy smsauth-sns-publish of \(role.reference)"
            : "attach a policy to \(live.name) that allows sns:Publish on Resource \"*\""
        for policy in live.policies {
            let denial = PolicyStatements(policy.document).denying.first { $0.allows(action: "sns:Publish") }
            if denial != nil {
                return check(facts, "sms-role-publish", .fail,
                             "SMS role \(live.name): \(policy.label) denies sns:Publish", fix: fix)
            }
        }
        let granting = live.policies.first { policy in
            PolicyStatements(policy.document).allowing.contains { statement in
                statement.allows(action: "sns:Publish") && statement.resources.contains("*")
            }
        }
        guard let granting else {
            let message = live.policies.isEmpty
                ? "SMS role \(live.name) has no permission policy, so it cannot publish SMS"
                : "SMS role \(live.name) has no policy allowing sns:Publish on \"*\" (SMS publishing has no narrower resource)"
            return check(facts, "sms-role-publish", .fail, message, fix: fix)
        }
        return check(facts, "sms-role-publish", .pass, "SMS role \(live.name) may publish SMS (\(granting.label))")
    }

    /// A check of `facts`' pool.
    static func check(_ facts: PoolFacts, _ id: String, _ result: DoctorOutcome, _ message: String,
                      fix: String? = nil) -> DoctorCheck {
        DoctorCheck(resource: facts.resource, check: id, result: result, message: message, fix: fix)
    }
}
