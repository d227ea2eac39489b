import Foundation
import Manifests
import Testing
@testable import Reconciler

/// The pure SmsAccountSettings plan: only managed, set fields are compared; removal never deletes.
@Suite("SmsAccountSettings plan")
struct SmsAccountSettingsPlanTests {
    let handler = SmsAccountSettingsHandler()
    static let address = ResourceAddress(kind: .smsAccountSettings, name: "default")

    static func desired(_ spec: String) throws -> DesiredResource {
        let text = "apiVersion: smsauth/v1\nkind: SmsAccountSettings\nmetadata: {name: default}\nspec:\n  region: us-east-1\n"
            + spec
        let loaded = ManifestLoader().load(text: text, file: "settings.yaml")
        let manifest = try #require(loaded.manifests.first, "\(loaded.diagnostics)")
        return DesiredResource(manifest: manifest, region: "us-east-1", dependencies: [])
    }

    static func input(_ desired: DesiredResource?, _ attributes: [String: String],
                      deletePolicy: DeletePolicy = .retain) -> PlanInput<SmsAccountSettingsLive> {
        PlanInput(address: address, desired: desired,
                  live: .owned(SmsAccountSettingsLive(region: "us-east-1", attributes: attributes, inSandbox: true)),
                  status: nil, references: [:], dependencyActions: [:], deletePolicy: deletePolicy,
                  options: PlanOptions(account: "123456789012"))
    }

    static let fullSpec = """
          defaultSmsType: Transactional
          monthlySpendLimitUSD: 50
          defaultSenderId: QNATIME
          deliveryStatusRoleArn: arn:aws:iam::123456789012:role/sns-delivery-status
          deliveryStatusSuccessSamplingRate: 10

        """
    static let fullLive = [
        "DefaultSMSType": "Transactional", "MonthlySpendLimit": "50", "DefaultSenderID": "QNATIME",
        "DeliveryStatusIAMRole": "arn:aws:iam::123456789012:role/sns-delivery-status",
        "DeliveryStatusSuccessSamplingRate": "10",
    ]

    @Test func updatesOnlyTheFieldsThatDiffer() throws {
        var live = Self.fullLive
        live["DefaultSMSType"] = "Promotional"
        live["MonthlySpendLimit"] = "20"
        let change = try handler.plan(Self.input(try Self.desired(Self.fullSpec), live))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [
            FieldChange(path: "defaultSmsType", before: "Promotional", after: "Transactional"),
            FieldChange(path: "monthlySpendLimitUSD", before: 20, after: 50),
        ])
    }

    @Test(arguments: [
        ("equal", fullLive),
        ("numbers written differently", fullLive.merging(["MonthlySpendLimit": "50.0"]) { $1 }),
    ])
    func equalSettingsAreNoop(_ label: String, _ live: [String: String]) throws {
        #expect(try handler.plan(Self.input(try Self.desired(Self.fullSpec), live)).action == .noop, "\(label)")
    }

    @Test func unsetFieldsAreNotManaged() throws {
        let change = try handler.plan(Self.input(try Self.desired("  monthlySpendLimitUSD: 50\n"),
                                                 ["MonthlySpendLimit": "50", "DefaultSMSType": "Promotional"]))
        #expect(change.action == .noop)
    }

    @Test func attributesNeverSetAreNull() throws {
        let change = try handler.plan(Self.input(try Self.desired("  defaultSenderId: QNATIME\n"), [:]))
        #expect(change.fieldChanges == [FieldChange(path: "defaultSenderId", before: .null, after: "QNATIME")])
    }

    @Test(arguments: [(DeletePolicy.retain, false), (.delete, true)])
    func removedManifestIsRetained(_ policy: DeletePolicy, warns: Bool) throws {
        let change = try handler.plan(Self.input(nil, Self.fullLive, deletePolicy: policy))
        #expect(change.action == .retain)
        #expect(change.warnings.contains { $0.contains("treated as Retain") } == warns)
    }

    @Test func outputsReportSandboxAndSpendLimit() {
        let live = SmsAccountSettingsLive(region: "us-east-1", attributes: ["MonthlySpendLimit": "50"], inSandbox: false)
        #expect(handler.outputs(of: live) == ["region": "us-east-1", "inSandbox": "false", "monthlySpendLimit": "50"])
        let empty = SmsAccountSettingsLive(region: "us-east-1", attributes: [:], inSandbox: true)
        #expect(handler.outputs(of: empty) == ["region": "us-east-1", "inSandbox": "true"])
    }
}
