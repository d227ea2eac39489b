/// `sms-event-destination` (pure): End User Messaging can write the delivery events of the pool's configuration set
/// to each enabled event destination recording them. A CloudWatch Logs destination needs its IAM role to exist, to
/// trust `sms-voice.amazonaws.com` and to allow `logs:CreateLogStream` and `logs:PutLogEvents` on the log group; an
/// SNS destination needs its topic to exist. Firehose destinations are not checked.
enum EventDestinationChecks {
    /// The check id.
    static let id = "sms-event-destination"
    /// The service principal End User Messaging assumes a destination's role as.
    static let principal = "sms-voice.amazonaws.com"
    /// What End User Messaging does with a CloudWatch Logs destination's role.
    static let actions = ["logs:CreateLogStream", "logs:PutLogEvents"]

    /// The check of `set`'s destinations; nil when it has none to check.
    static func check(_ facts: PoolFacts, _ set: ConfigurationSetFacts) -> DoctorCheck? {
        guard !set.destinations.isEmpty else { return nil }
        let problems = set.destinations.compactMap { problem(of: $0) }
        guard problems.isEmpty else {
            var fixes: [String] = []
            for fix in problems.map(\.fix) where !fixes.contains(fix) { fixes.append(fix) }
            return SmsRoleChecks.check(facts, id, .fail,
                                       "configuration set \(set.name): " + problems.map(\.message).joined(separator: "; "),
                                       fix: fixes.joined(separator: "; "))
        }
        let described = set.destinations.map { destination in
            switch destination.target {
            case let .cloudWatchLogs(_, roleArn, _): "\(destination.name): CloudWatch Logs through \(roleArn)"
            case let .sns(topicArn, _): "\(destination.name): SNS topic \(topicArn)"
            case .firehose: "\(destination.name): Firehose, not checked"
            }
        }
        return SmsRoleChecks.check(facts, id, .pass, "configuration set \(set.name) can write its delivery events ("
                                   + described.joined(separator: "; ") + ")")
    }

    /// What stops End User Messaging writing to `destination`, with its fix; nil when nothing does.
    static func problem(of destination: EventDestinationFacts) -> (message: String, fix: String)? {
        let name = "event destination \(destination.name)"
        switch destination.target {
        case .firehose:
            return nil
        case let .sns(topicArn, .failure(failure)):
            return ("\(name): SNS topic \(topicArn) could not be read: \(failure)",
                    "check the credentials' sns:GetTopicAttributes permission")
        case let .sns(topicArn, .success(exists)):
            return exists ? nil : ("\(name): SNS topic \(topicArn) does not exist",
                                   "create the topic \(topicArn) or point \(destination.name) at an existing topic")
        case let .cloudWatchLogs(logGroupArn, roleArn, role):
            let roleFix = "let \(principal) assume the role \(roleArn) and allow it \(actions.joined(separator: " and ")) "
                + "on \(logGroupArn)"
            switch role {
            case nil:
                return ("\(name): IamRoleArn \(roleArn) is not an IAM role ARN",
                        "point \(destination.name) at an IAM role ARN")
            case let .failure(failure)?:
                return ("\(name): role \(roleArn) could not be read: \(failure)",
                        "check the credentials' iam:GetRole, iam:ListRolePolicies and iam:GetRolePolicy permissions")
            case .success(nil)?:
                return ("\(name): role \(roleArn) does not exist",
                        "create the role \(roleArn), trusting \(principal) and allowed \(actions.joined(separator: " and ")) "
                            + "on \(logGroupArn), or point \(destination.name) at a role that exists")
            case let .success(live?)?:
                if PolicyStatements(live.trustPolicy).assuming(service: principal).isEmpty {
                    return ("\(name): role \(live.name) does not let \(principal) assume it", roleFix)
                }
                let missing = missingActions(live, logGroupArn: logGroupArn)
                guard missing.isEmpty else {
                    return ("\(name): role \(live.name) may not \(missing.joined(separator: ", ")) on \(logGroupArn)",
                            roleFix)
                }
                return nil
            }
        }
    }

    /// The actions of `actions` that no policy of `role` allows on the log group (or its streams), or one denies.
    static func missingActions(_ role: RoleSnapshot, logGroupArn: String) -> [String] {
        let group = logGroupArn.hasSuffix(":*") ? String(logGroupArn.dropLast(2)) : logGroupArn
        let targets = [group, "\(group):log-stream:*"]
        let statements = role.policies.map { PolicyStatements($0.document) }
        func covers(_ statement: PolicyStatements.Statement, _ action: String) -> Bool {
            statement.allows(action: action)
                && statement.resources.contains { pattern in targets.contains { PolicyStatements.matches(pattern: pattern, $0) } }
        }
        return actions.filter { action in
            !statements.contains { $0.allowing.contains { covers($0, action) } }
                || statements.contains { $0.denying.contains { covers($0, action) } }
        }
    }
}
