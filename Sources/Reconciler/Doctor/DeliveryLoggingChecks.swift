/// What the doctor knows about SMS delivery-status logging in one region: the account attribute
/// `DeliveryStatusIAMRole` (GetSMSAttributes) and, when it names an IAM role, that role with its policies.
public struct DeliveryLoggingFacts: Sendable, Equatable {
    /// `DeliveryStatusIAMRole`, nil when unset.
    public var roleArn: String?
    /// The role it names (GetRole and its policies); nil when `roleArn` is nil or not an IAM role ARN.
    public var role: DoctorFact<RoleSnapshot?>?

    /// Creates the facts.
    public init(roleArn: String?, role: DoctorFact<RoleSnapshot?>?) {
        self.roleArn = roleArn
        self.role = role
    }
}

/// `sms-delivery-logging` (pure): SNS writes SMS delivery-status logs to CloudWatch Logs, through a role that
/// trusts `sns.amazonaws.com` and may write logs. Logging off, or a role that cannot work, is a warning: SMS still
/// goes out, but nothing records why a sign-in code did not arrive.
enum DeliveryLoggingChecks {
    /// The check id.
    static let id = "sms-delivery-logging"
    /// The CloudWatch Logs actions SNS needs (`SmsLogRoleDocuments.actions`).
    static var actions: [String] { SmsLogRoleDocuments.actions }

    /// The check of `region`'s facts.
    static func check(_ region: RegionFacts, _ fact: DoctorFact<DeliveryLoggingFacts>) -> DoctorCheck {
        let fix = "add an SmsLogRole manifest and name it in the SmsAccountSettings' spec.deliveryStatus.role for "
            + "\(region.region), then run `smsauth reconcile`"
        switch fact {
        case let .failure(failure):
            return result(region, .warn, "the SMS delivery-status settings could not be read: \(failure)",
                          fix: "check the credentials' sns:GetSMSAttributes permission")
        case .success(let facts):
            guard let arn = facts.roleArn else {
                return result(region, .warn, "SMS delivery-status logging is off: nothing records why an SMS was not "
                              + "delivered", fix: fix)
            }
            switch facts.role {
            case nil:
                return result(region, .warn, "DeliveryStatusIAMRole '\(arn)' is not an IAM role ARN", fix: fix)
            case let .failure(failure)?:
                return result(region, .warn, "the delivery-status role \(arn) could not be read: \(failure)",
                              fix: "check the credentials' iam:GetRole, iam:ListRolePolicies and iam:GetRolePolicy permissions")
            case .success(nil)?:
                return result(region, .warn, "DeliveryStatusIAMRole names \(arn), which does not exist: SNS writes no "
                              + "delivery-status logs", fix: fix)
            case let .success(role?)?:
                return roleCheck(region, role, fix: fix)
            }
        }
    }

    /// The named role trusts SNS (no unconditional Deny, no `aws:SourceAccount` of another account) and may perform
    /// every action of `actions` on the log groups SNS writes to (`logGroupArns`), with no Deny of them.
    private static func roleCheck(_ region: RegionFacts, _ role: RoleSnapshot, fix: String) -> DoctorCheck {
        let roleFix = "let smsauth manage the role as an SmsLogRole (`spec.adopt: \(role.name)`), or \(fix)"
        let account = role.arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init)
        guard PolicyStatements(role.trustPolicy).trusts(service: "sns.amazonaws.com", account: account) else {
            return result(region, .warn, "SMS delivery-status role \(role.name) does not let sns.amazonaws.com "
                          + "assume it: SNS writes no delivery-status logs", fix: roleFix)
        }
        let statements = role.policies.map { PolicyStatements($0.document) }
        let targets = logGroupArns(region: region.region, account: account ?? "*", roleArn: role.arn)
        let missing = actions.filter { action in
            let allowed = targets.allSatisfy { arn in
                statements.contains { $0.allowing.contains {
                    $0.allows(action: action) && $0.covers(resource: arn) && $0.applies(inRegion: region.region)
                } }
            }
            // A conditional Deny (aws:SecureTransport false, …) may not apply to SNS: only unconditional ones count.
            let denied = statements.contains { $0.denying.contains { !$0.isConditional && $0.allows(action: action) } }
            return !allowed || denied
        }
        guard missing.isEmpty else {
            return result(region, .warn, "SMS delivery-status role \(role.name) may not \(missing.joined(separator: ", "))"
                          + " on SNS's SMS delivery-status log groups: SNS cannot write every delivery-status log",
                          fix: roleFix)
        }
        return result(region, .pass, "SMS delivery-status logging is on: SNS logs through role \(role.name), which "
                      + "trusts sns.amazonaws.com and may write CloudWatch Logs")
    }

    /// The resources SNS writes SMS delivery status to in `region`: the log groups
    /// `sns/<region>/<account>/DirectPublishToPhoneNumber` and `…/Failure`, and a log stream of each.
    static func logGroupArns(region: String, account: String, roleArn: String) -> [String] {
        let partition = roleArn.split(separator: ":").dropFirst().first.map(String.init) ?? "aws"
        let group = "arn:\(partition):logs:\(region):\(account):log-group:sns/\(region)/\(account)/DirectPublishToPhoneNumber"
        return [group, group + ":log-stream:stream", group + "/Failure", group + "/Failure:log-stream:stream"]
    }

    /// A check of `region`.
    private static func result(_ region: RegionFacts, _ outcome: DoctorOutcome, _ message: String,
                               fix: String? = nil) -> DoctorCheck {
        DoctorCheck(resource: region.resource, check: id, result: outcome, message: message, fix: fix)
    }
}
