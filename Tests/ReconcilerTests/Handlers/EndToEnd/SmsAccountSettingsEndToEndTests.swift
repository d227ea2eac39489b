import AWSCore
import AWSServices
import Foundation
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// SmsAccountSettings against the emulator: set, read back, second plan noop, only differing keys sent,
/// unmanaged attributes left alone. Uses a region of its own (settings are per account and region).
@Suite("SmsAccountSettings end to end")
struct SmsAccountSettingsEndToEndTests {
    let handler = SmsAccountSettingsHandler()
    static let region = "eu-west-3"
    static let address = ResourceAddress(kind: .smsAccountSettings, name: "default")

    static func desired(_ limit: Int) throws -> DesiredResource {
        let text = """
            apiVersion: smsauth/v1
            kind: SmsAccountSettings
            metadata: {name: default}
            spec:
              region: \(region)
              defaultSmsType: Transactional
              monthlySpendLimitUSD: \(limit)
              defaultSenderId: QNATIME
            """
        let manifest = try #require(ManifestLoader().load(text: text, file: "settings.yaml").manifests.first)
        return DesiredResource(manifest: manifest, region: region, dependencies: [])
    }

    func readAndPlan(_ harness: SandboxEmulatorHarness, _ desired: DesiredResource) async throws -> (PlanInput<SmsAccountSettingsLive>, ResourceChange) {
        let target = ReadTarget(address: Self.address, desired: desired, status: nil, region: Self.region)
        let live = try await handler.read([target], context: harness.context)
        let input = PlanInput(address: Self.address, desired: desired, live: try #require(live[Self.address]),
                              status: nil, references: [:], dependencyActions: [:], deletePolicy: .retain,
                              options: PlanOptions(account: "123456789012"))
        return (input, try handler.plan(input))
    }

    @Test func setReadBackAndUpdateOnlyWhatDiffers() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let sns = SNS(client: harness.context.client, region: Self.region)
        try await sns.setSMSAttributes(["DeliveryStatusSuccessSamplingRate": "5", "DefaultSMSType": "Promotional",
                                        "DefaultSenderID": "OTHER", "MonthlySpendLimit": "1"])

        let (input, change) = try await readAndPlan(harness, try Self.desired(50))
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == ["defaultSenderId", "defaultSmsType", "monthlySpendLimitUSD"])
        let outputs = try await handler.apply(change, input: input, context: harness.applyContext())
        #expect(outputs == ["region": Self.region, "inSandbox": "true", "monthlySpendLimit": "50"])

        let (_, second) = try await readAndPlan(harness, try Self.desired(50))
        #expect(second.action == .noop)
        let live = try await sns.getSMSAttributes()
        #expect(live["DefaultSMSType"] == "Transactional" && live["MonthlySpendLimit"] == "50")
        #expect(live["DefaultSenderID"] == "QNATIME" && live["DeliveryStatusSuccessSamplingRate"] == "5")

        let (raised, raise) = try await readAndPlan(harness, try Self.desired(60))
        #expect(raise.fieldChanges == [FieldChange(path: "monthlySpendLimitUSD", before: 50, after: 60)])
        #expect(try await handler.apply(raise, input: raised, context: harness.applyContext())["monthlySpendLimit"] == "60")
        let sets = await harness.log.bodies.filter { $0.contains("Action=SetSMSAttributes") }
        #expect(sets.last?.contains("MonthlySpendLimit") == true)
        #expect(sets.last?.contains("DefaultSMSType") == false && sets.last?.contains("DefaultSenderID") == false)
        #expect(try await sns.getSMSAttributes(["MonthlySpendLimit"]) == ["MonthlySpendLimit": "60"])
    }

    /// AWS refuses a MonthlySpendLimit above the account's SMS spending quota (US$1 for a new account; the suite's
    /// emulator account has US$100, as after an approved increase): the AWS error is reported and nothing is set.
    @Test func aLimitAboveTheAccountsQuotaIsRefusedByAWS() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let sns = SNS(client: harness.context.client, region: Self.region)
        let (input, change) = try await readAndPlan(harness, try Self.desired(100_000))
        #expect(change.fieldChanges.contains { $0.path == "monthlySpendLimitUSD" && $0.after == 100_000 })
        let error = await #expect(throws: AWSError.self) {
            try await handler.apply(change, input: input, context: harness.applyContext())
        }
        #expect(error?.code == "InvalidParameter" && error?.httpStatus == 400)
        #expect(error?.message.contains("MonthlySpendLimit") == true, "\(String(describing: error))")
        #expect(try await sns.getSMSAttributes(["MonthlySpendLimit"])["MonthlySpendLimit"] != "100000")
    }

    @Test func readsTheSandboxStatusWithTwoCallsPerRegion() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let (input, _) = try await readAndPlan(harness, try Self.desired(50))
        #expect(input.live.value?.inSandbox == true)
        let actions = await harness.log.bodies.compactMap { body in
            body.split(separator: "&").first { $0.hasPrefix("Action=") }.map(String.init)
        }
        #expect(actions == ["Action=GetSMSAttributes", "Action=GetSMSSandboxAccountStatus"])
    }
}
