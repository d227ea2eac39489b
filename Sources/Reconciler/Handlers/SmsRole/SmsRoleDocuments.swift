import AWSServices
import Manifests

/// The IAM policy documents smsauth owns on an SMS role: the trust policy and one inline policy granting the service
/// the role sends through (SNS, or End User Messaging SMS), and how to read the external id back out of a live trust
/// policy.
enum SmsRoleDocuments {
    /// Name of the inline policy that lets the role publish SMS through SNS.
    static let publishPolicyName = "smsauth-sns-publish"
    /// Name of the inline policy that lets the role send SMS through End User Messaging SMS.
    static let sendPolicyName = "smsauth-sms-voice-send"
    /// The End User Messaging resource types a SendTextMessage can name (service authorization reference for
    /// End User Messaging SMS: phone numbers, sender IDs, pools as origination identities; configuration sets).
    static let sendResourceTypes = ["phone-number", "sender-id", "pool", "configuration-set"]

    /// `sns:Publish` on `*` (SMS publishing has no narrower resource).
    static let publishPolicy = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
    ])

    /// `sms-voice:SendTextMessage` on every origination identity and configuration set of `account`, in any region
    /// (Cognito's End User Messaging path: "The role must grant permission to call the sms-voice:SendTextMessage
    /// operation").
    static func sendPolicy(account: String) -> PolicyDocument {
        let resources = sendResourceTypes.map { JSONValue.string("arn:aws:sms-voice:*:\(account):\($0)/*") }
        return PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Action": "sms-voice:SendTextMessage", "Resource": .array(resources)]],
        ])
    }

    /// An inline policy granting one service: its name and document.
    typealias Grant = InlinePolicy

    /// The inline policy that grants `service`.
    static func grant(_ service: SmsService, account: String) -> Grant {
        Grant(name: grantName(service),
              document: service == .sns ? publishPolicy : sendPolicy(account: account))
    }

    /// The name of the inline policy granting `service`.
    static func grantName(_ service: SmsService) -> String {
        service == .sns ? publishPolicyName : sendPolicyName
    }

    /// The name of the inline policy granting the service other than `service`.
    static func otherGrantName(_ service: SmsService) -> String {
        grantName(service == .sns ? .endUserMessaging : .sns)
    }

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
