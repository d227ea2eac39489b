import AWSServices
import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Pure plan decisions of the SmsLogRole handler, and of the SmsAccountSettings that name one.
@Suite struct SmsLogRolePlanTests {
    let handler = SmsLogRoleHandler()
    static let account = "123456789012"
    static let address = ResourceAddress(kind: .smsLogRole, name: "logs")

    /// The manifests of `text` (SmsLogRole `logs`, SmsAccountSettings `us-east-1`), by address.
    static func desired(_ text: String) throws -> [ResourceAddress: DesiredResource] {
        let result = ManifestLoader().load(text: text, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return Dictionary(uniqueKeysWithValues: result.manifests.map { manifest in
            let address = ResourceAddress(kind: manifest.kind, name: manifest.metadata.name.value)
            return (address, DesiredResource(manifest: manifest, region: manifest.spec.region?.value, dependencies: []))
        })
    }

    /// SNS's trust policy, as AWS documents it for delivery-status logging.
    static let trust = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"], "Action": "sts:AssumeRole"]],
    ])
    /// The CloudWatch Logs permissions AWS documents for SMS delivery-status logging.
    static let logsPolicy = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [[
            "Effect": "Allow", "Resource": "*",
            "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter",
                       "logs:PutRetentionPolicy"],
        ]],
    ])

    static let roleText = """
        apiVersion: smsauth/v1
        kind: SmsLogRole
        metadata: {name: logs}
        spec: {roleName: sns-logs, path: /service-role/}

        """

    func input<Live>(_ address: ResourceAddress, _ desired: DesiredResource?, _ live: LiveState<Live>,
                     references: [ResourceAddress: [String: String]] = [:]) -> PlanInput<Live> {
        PlanInput(address: address, desired: desired, live: live, status: nil, references: references,
                  dependencyActions: [:], deletePolicy: .retain, options: PlanOptions(account: Self.account))
    }

    @Test func createShowsTheTrustAndTheInlinePolicy() throws {
        let desired = try #require(try Self.desired(Self.roleText)[Self.address])
        let change = try handler.plan(input(Self.address, desired, LiveState<SmsLogRoleLive>.absent))
        #expect(change.action == .create)
        #expect(change.fieldChanges.map(\.path) == ["deliveryLogsPolicy", "path", "roleName", "tags", "trustPolicy"])
        #expect(change.fieldChanges.first { $0.path == "trustPolicy" }?.after == SmsRoleDocuments.planValue(Self.trust))
        #expect(change.fieldChanges.first { $0.path == "deliveryLogsPolicy" }?.after
                == SmsRoleDocuments.planValue(Self.logsPolicy))
        #expect(handler.plannedOutputs(of: desired, account: Self.account, partition: "aws")
                == ["arn": "arn:aws:iam::123456789012:role/service-role/sns-logs", "roleName": "sns-logs"])
    }

    @Test func aRoleAsCreatedIsNoopAndAChangedNameIsRefused() throws {
        let desired = try #require(try Self.desired(Self.roleText)[Self.address])
        // As IAM answers it: URL-encoded, one-element lists.
        let trust = #"{"Statement":[{"Action":["sts:AssumeRole"],"Principal":{"Service":["sns.amazonaws.com"]},"Effect":"Allow"}],"Version":"2012-10-17"}"#
        let role = try SmsRoleFixtures.role(
            name: "sns-logs", trust: trust.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? trust,
            description: nil, maxSession: nil, boundary: nil, tags: OwnershipTags.tags(for: Self.address, owner: nil))
        let live = SmsLogRoleLive(role: role, deliveryLogsPolicy: Self.logsPolicy)
        #expect(try handler.plan(input(Self.address, desired, .owned(live))).action == .noop)
        let missingPolicy = SmsLogRoleLive(role: role, deliveryLogsPolicy: nil)
        #expect(try handler.plan(input(Self.address, desired, .owned(missingPolicy))).fieldChanges.map(\.path)
                == ["deliveryLogsPolicy"])
        let renamed = try #require(try Self.desired(Self.roleText.replacingOccurrences(of: "roleName: sns-logs",
                                                                                       with: "roleName: other"))[Self.address])
        let refused = try handler.plan(input(Self.address, renamed, .owned(live)))
        #expect(refused.action == .refuse)
    }

    @Test func settingsTakeTheRolesArnFromItsOutputs() throws {
        let settingsAddress = ResourceAddress(kind: .smsAccountSettings, name: "us-east-1")
        let text = Self.roleText + """
            ---
            apiVersion: smsauth/v1
            kind: SmsAccountSettings
            metadata: {name: us-east-1}
            spec:
              region: us-east-1
              deliveryStatus: {role: logs, successSamplingRate: 10}

            """
        let desired = try #require(try Self.desired(text)[settingsAddress])
        let live = SmsAccountSettingsLive(region: "us-east-1", attributes: ["DeliveryStatusSuccessSamplingRate": "10"],
                                          inSandbox: true)
        let settings = SmsAccountSettingsHandler()
        let unknown = try settings.plan(input(settingsAddress, desired, .owned(live)))
        #expect(unknown.fieldChanges == [FieldChange(path: "deliveryStatus.role", before: .null,
                                                     after: .string("(known after apply)"))])
        let arn = "arn:aws:iam::123456789012:role/service-role/sns-logs"
        let known = try settings.plan(input(settingsAddress, desired, .owned(live), references: [Self.address: ["arn": arn]]))
        #expect(known.action == .update)
        #expect(known.fieldChanges == [FieldChange(path: "deliveryStatus.role", before: .null, after: .string(arn))])
        var set = live
        set.attributes["DeliveryStatusIAMRole"] = arn
        #expect(try settings.plan(input(settingsAddress, desired, .owned(set), references: [Self.address: ["arn": arn]])).action
                == .noop)
    }
}
