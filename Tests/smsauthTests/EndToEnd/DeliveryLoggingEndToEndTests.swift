import AWSServices
import Foundation
import Testing
import TestSupport

/// examples/delivery-status-logging against the emulator through the binary: an SmsLogRole and the account settings
/// naming it in `spec.deliveryStatus`. The role is created with SNS's trust policy and smsauth's inline policy
/// before the settings, whose DeliveryStatusIAMRole becomes its ARN; a dry run then plans nothing; a sampling-rate
/// change is an in-place update; a removed role is released (Retain, the default) or deleted (`onDelete: Delete`).
@Suite struct DeliveryLoggingEndToEndTests {
    /// A region no other end-to-end test uses: the account's SMS settings are per region.
    static let region = "ap-northeast-1"

    /// SNS's trust policy.
    static let trust = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"], "Action": "sts:AssumeRole"]],
    ])
    /// The CloudWatch Logs permissions SNS needs for SMS delivery-status logs.
    static let logsPolicy = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [[
            "Effect": "Allow", "Resource": "*",
            "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter",
                       "logs:PutRetentionPolicy"],
        ]],
    ])

    @Test func logRoleAndSettingsApplyThenPlanNothingUpdateAndDeletePerPolicy() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let roleName = "e2e-sns-logs-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["examples/delivery-status-logging"], substitutions: [
            ("region: us-east-1\n", "region: \(Self.region)\n"), ("roleName: sns-sms-delivery-status\n", "roleName: \(roleName)\n"),
        ])
        defer { space.remove() }

        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("created SmsLogRole/sms-delivery-logs\nupdated SmsAccountSettings/us-east-1\n"),
                "the role first: \(applied.stdout)")
        let role = try #require(try await context.iam.getRole(name: roleName))
        #expect(role.path == "/service-role/" && role.assumeRolePolicy == Self.trust)
        #expect(role.tags["smsauth:resource"] == "SmsLogRole/sms-delivery-logs" && role.tags["Team"] == "Messaging")
        #expect(try await context.iam.listRolePolicies(roleName: roleName) == ["smsauth-sns-delivery-logs"])
        #expect(try await context.iam.getRolePolicy(roleName: roleName, policyName: "smsauth-sns-delivery-logs") == Self.logsPolicy)
        var settings = try await context.sns.getSMSAttributes()
        #expect(settings["DeliveryStatusIAMRole"] == role.arn && settings["DeliveryStatusSuccessSamplingRate"] == "10")

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0 && again.stdout == "No changes. 2 unchanged.\n", "\(again.stdout)\(again.stderr)")

        try space.edit("account-settings.yaml", replacing: "successSamplingRate: 10", with: "successSamplingRate: 50")
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("~ SmsAccountSettings/us-east-1\n    ~ deliveryStatus.successSamplingRate: 10 → 50\n"),
                "\(plan.stdout)")
        #expect(!plan.stdout.contains("SmsLogRole/"), "the role is unchanged: \(plan.stdout)")
        let updated = try await space.reconcile(environment: context.environment)
        #expect(updated.stdout.contains("updated SmsAccountSettings/us-east-1\n"), "\(updated.stdout)")
        settings = try await context.sns.getSMSAttributes()
        #expect(settings["DeliveryStatusSuccessSamplingRate"] == "50" && settings["DeliveryStatusIAMRole"] == role.arn)

        // Retain (the default): removing the manifest leaves the role in IAM.
        try space.edit("account-settings.yaml", replacing: "  deliveryStatus:\n    role: sms-delivery-logs\n", with: "  deliveryStatus:\n    role: second-logs\n")
        let secondName = roleName + "-2"
        try space.write("log-role.yaml", """
            apiVersion: smsauth/v1
            kind: SmsLogRole
            metadata: {name: second-logs}
            spec: {roleName: \(secondName)}
            policy: {onDelete: Delete}

            """)
        let switched = try await space.reconcile(environment: context.environment)
        #expect(switched.status == 0, "\(switched.stdout)\(switched.stderr)")
        #expect(switched.stdout.contains("released (left in AWS, no longer managed) SmsLogRole/sms-delivery-logs"), "\(switched.stdout)")
        #expect(try await context.iam.getRole(name: roleName) != nil)
        let second = try #require(try await context.iam.getRole(name: secondName))
        #expect(try await context.sns.getSMSAttributes()["DeliveryStatusIAMRole"] == second.arn)

        // Delete: the inline policy, then the role.
        try space.edit("account-settings.yaml", replacing: "  deliveryStatus:\n    role: second-logs\n    # Every failure is logged; 10% of successful deliveries are too.\n    successSamplingRate: 50\n", with: "")
        try space.delete("log-role.yaml")
        let deleted = try await space.reconcile(environment: context.environment)
        #expect(deleted.status == 0, "\(deleted.stdout)\(deleted.stderr)")
        #expect(deleted.stdout.contains("deleted SmsLogRole/second-logs\n"), "\(deleted.stdout)")
        #expect(try await context.iam.getRole(name: secondName) == nil)
    }
}
