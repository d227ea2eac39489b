import AWSServices

/// The two IAM policy documents smsauth owns on an SMS role (AWS-NOTES.md, "The SMS role (IAM)"), and how to read
/// the external id back out of a live trust policy.
enum SmsRoleDocuments {
    /// Name of the inline policy that lets the role publish SMS.
    static let publishPolicyName = "smsauth-sns-publish"

    /// `sns:Publish` on `*` (SMS publishing has no narrower resource).
    static let publishPolicy = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
    ])

    /// The trust policy: Cognito may assume the role with `externalId`, only on behalf of `account`
    /// (the confused-deputy guard).
    static func trustPolicy(externalId: String, account: String) -> PolicyDocument {
        PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow",
                "Principal": ["Service": "cognito-idp.amazonaws.com"],
                "Action": "sts:AssumeRole",
                "Condition": ["StringEquals": [
                    "sts:ExternalId": .string(externalId), "aws:SourceAccount": .string(account),
                ]],
            ]],
        ])
    }

    /// Every `StringEquals` `sts:ExternalId` value of `document`'s statements, sorted and without repeats.
    static func externalIds(in document: PolicyDocument?) -> [String] {
        guard let statements = document?.canonical["Statement"]?.arrayValue else { return [] }
        let values = statements.flatMap { statement -> [String] in
            guard let value = statement["Condition"]?["StringEquals"]?["sts:ExternalId"] else { return [] }
            return (value.arrayValue ?? [value]).compactMap(\.stringValue)
        }
        return Array(Set(values)).sorted()
    }

    /// The single external id of `document`, nil when it has none or several.
    static func externalId(in document: PolicyDocument?) -> String? {
        let ids = externalIds(in: document)
        return ids.count == 1 ? ids.first : nil
    }

    /// A policy document as a plan value (canonical form, so equal documents are equal values).
    static func planValue(_ document: PolicyDocument?) -> PlanValue {
        document.map { planValue($0.canonical) } ?? .null
    }

    /// A JSON value as a plan value.
    private static func planValue(_ value: JSONValue) -> PlanValue {
        switch value {
        case .null: .null
        case let .bool(flag): .bool(flag)
        case let .number(number): .number(number)
        case let .string(text): .string(text)
        case let .array(elements): .list(elements.map(planValue))
        case let .object(members): .map(members.mapValues(planValue))
        }
    }
}
