import AWSServices

/// The IAM policy documents smsauth owns on an SMS log role: the trust policy letting Amazon SNS assume it and the
/// inline policy letting SNS write SMS delivery-status logs (SNS developer guide, "Viewing Amazon SNS SMS delivery
/// status logs" and the IAM role for delivery status logging).
enum SmsLogRoleDocuments {
    /// Name of the inline policy smsauth owns on the role.
    static let policyName = "smsauth-sns-delivery-logs"
    /// The CloudWatch Logs actions SNS needs to write SMS delivery-status logs.
    static let actions = [
        "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter",
        "logs:PutRetentionPolicy",
    ]

    /// `sns.amazonaws.com` may assume the role.
    static let trustPolicy = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [[
            "Effect": "Allow",
            "Principal": ["Service": "sns.amazonaws.com"],
            "Action": "sts:AssumeRole",
        ]],
    ])

    /// `actions` on `*`: SNS names its log groups itself (`sns/<region>/<account>/DirectPublishToPhoneNumber` and
    /// `.../Failure`), in every region the account sends SMS from.
    static let deliveryLogsPolicy = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Action": .array(actions.map(JSONValue.string)), "Resource": "*"]],
    ])

    /// The inline policy smsauth owns.
    static let ownedPolicy = InlinePolicy(name: policyName, document: deliveryLogsPolicy)
}
