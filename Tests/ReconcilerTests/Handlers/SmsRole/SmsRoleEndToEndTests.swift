import AWSCore
import AWSServices
import Foundation
import Manifests
import Testing
@testable import Reconciler

/// The SmsRole handler end to end against the emulator: read → plan → apply → read → plan again is noop.
@Suite struct SmsRoleEndToEndTests {
    typealias E = SmsRoleEmulator

    /// An existing boundary: IAM refuses one that is not a managed policy (the emulator too); AWS managed policies
    /// always exist.
    static let boundary = "arn:aws:iam::aws:policy/AmazonSNSFullAccess"
    /// A second existing boundary.
    static let otherBoundary = "arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess"

    /// A fresh emulator principal, a unique address and role name, and the manifest spec for them.
    struct Setup {
        let aws: SmsRoleEmulator
        let address: ResourceAddress
        let roleName: String
        var spec: [String: String]

        init() async throws {
            aws = try await SmsRoleEmulator.make()
            address = ResourceAddress(kind: .smsRole, name: E.unique("role"))
            roleName = E.unique("cognito_sms")
            spec = [
                "roleName": roleName, "path": "/service-role/", "externalId": "ext-1",
                "description": "Lets Cognito publish SMS", "maxSessionDurationSeconds": "7200",
                "permissionsBoundaryArn": SmsRoleEndToEndTests.boundary, "tags": "{Team: Dev}",
            ]
        }

        /// The manifest with `changes` applied to the spec.
        func desired(_ changes: [String: String?] = [:], policy: String = "") throws -> DesiredResource {
            var lines = spec
            for (key, value) in changes { lines[key] = value }
            return try E.desired(name: address.name, spec: lines, policy: policy)
        }
    }

    @Test func createsTheRoleAndASecondPlanIsNoopWithTwoReads() async throws {
        let setup = try await Setup()
        let desired = try setup.desired()
        let (change, outputs) = try await setup.aws.reconcile(setup.address, desired: desired)
        #expect(change.action == .create)
        #expect(outputs == setup.aws.handler.plannedOutputs(of: desired, account: setup.aws.account, partition: "aws"))

        let role = try #require(try await setup.aws.iam.getRole(name: setup.roleName))
        #expect(role.path == "/service-role/")
        #expect(role.assumeRolePolicy == SmsRoleDocuments.trustPolicy(externalId: "ext-1", account: setup.aws.account))
        #expect(role.description == "Lets Cognito publish SMS")
        #expect(role.maxSessionDuration == 7200)
        #expect(role.permissionsBoundaryArn == Self.boundary)
        #expect(role.tags == ["Team": "Dev"].merging(OwnershipTags.tags(for: setup.address, owner: nil)) { $1 })
        #expect(try await setup.aws.iam.getRolePolicy(roleName: setup.roleName, policyName: "smsauth-sns-publish")
                == SmsRoleDocuments.publishPolicy)

        let before = try await setup.aws.operations().count
        let (again, _) = try await setup.aws.plan(setup.address, desired: desired, recorded: outputs)
        #expect(again.action == .noop)
        #expect(again.fieldChanges.isEmpty)
        #expect(Array(try await setup.aws.operations().dropFirst(before)) == ["GetRole", "GetRolePolicy"])
    }

    @Test func rotatingTheExternalIdUpdatesOnlyTheTrustPolicy() async throws {
        let setup = try await Setup()
        let (_, created) = try await setup.aws.reconcile(setup.address, desired: try setup.desired())
        let rotated = try setup.desired(["externalId": "ext-2"])
        let before = try await setup.aws.operations().count
        let (change, outputs) = try await setup.aws.reconcile(setup.address, desired: rotated, recorded: created)
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: "externalId", before: "ext-1", after: "ext-2")])
        #expect(Array(try await setup.aws.operations().dropFirst(before)) == ["GetRole", "GetRolePolicy", "UpdateAssumeRolePolicy"])
        #expect(outputs["externalId"] == "ext-2")
        #expect(outputs["arn"] == created["arn"])
        let role = try #require(try await setup.aws.iam.getRole(name: setup.roleName))
        #expect(role.assumeRolePolicy == SmsRoleDocuments.trustPolicy(externalId: "ext-2", account: setup.aws.account))
        #expect(try await setup.aws.plan(setup.address, desired: rotated, recorded: outputs).0.action == .noop)
    }

    @Test func aTrustPolicyChangedOutOfBandIsShownAndRestored() async throws {
        let setup = try await Setup()
        let desired = try setup.desired()
        let (_, outputs) = try await setup.aws.reconcile(setup.address, desired: desired)
        let drifted = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "ec2.amazonaws.com"], "Action": "sts:AssumeRole"]],
        ])
        try await setup.aws.iam.updateAssumeRolePolicy(roleName: setup.roleName, policy: drifted)

        let (change, _) = try await setup.aws.reconcile(setup.address, desired: desired, recorded: outputs)
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == ["externalId", "trustPolicy"])
        #expect(change.fieldChanges.last?.before == SmsRoleDocuments.planValue(drifted))
        let role = try #require(try await setup.aws.iam.getRole(name: setup.roleName))
        #expect(role.assumeRolePolicy == SmsRoleDocuments.trustPolicy(externalId: "ext-1", account: setup.aws.account))
        #expect(try await setup.aws.plan(setup.address, desired: desired, recorded: outputs).0.action == .noop)
    }

    /// UpdateRole resets what it leaves out; a description change must keep the live session the manifest dropped.
    @Test func anUpdateKeepsTheUnmanagedMaximumSession() async throws {
        let setup = try await Setup()
        let (_, outputs) = try await setup.aws.reconcile(setup.address, desired: try setup.desired())
        let desired = try setup.desired(["maxSessionDurationSeconds": nil, "description": "Renamed purpose"])
        let (change, _) = try await setup.aws.reconcile(setup.address, desired: desired, recorded: outputs)
        #expect(change.fieldChanges.map(\.path) == ["description"])
        let role = try #require(try await setup.aws.iam.getRole(name: setup.roleName))
        #expect(role.description == "Renamed purpose")
        #expect(role.maxSessionDuration == 7200)
        #expect(try await setup.aws.plan(setup.address, desired: desired, recorded: outputs).0.action == .noop)
    }

    /// Only the calls whose field changed; a tag that left the manifest is left on the role (never untagged).
    @Test func mutableFieldsUpdateWithOnlyTheCallsNeeded() async throws {
        let setup = try await Setup()
        let (_, outputs) = try await setup.aws.reconcile(setup.address, desired: try setup.desired())
        let desired = try setup.desired([
            "maxSessionDurationSeconds": "3600", "permissionsBoundaryArn": Self.otherBoundary,
            "tags": "{Cost: sms}",
        ])
        let before = try await setup.aws.operations().count
        let (change, _) = try await setup.aws.reconcile(setup.address, desired: desired, recorded: outputs)
        #expect(change.fieldChanges.map(\.path) == ["maxSessionDurationSeconds", "permissionsBoundaryArn", "tags"])
        #expect(Array(try await setup.aws.operations().dropFirst(before))
                == ["GetRole", "GetRolePolicy", "UpdateRole", "PutRolePermissionsBoundary", "TagRole"])
        let role = try #require(try await setup.aws.iam.getRole(name: setup.roleName))
        #expect(role.maxSessionDuration == 3600)
        #expect(role.description == "Lets Cognito publish SMS")
        #expect(role.permissionsBoundaryArn == Self.otherBoundary)
        #expect(role.tags["Cost"] == "sms")
        #expect(role.tags["Team"] == "Dev")
        #expect(try await setup.aws.plan(setup.address, desired: desired, recorded: outputs).0.action == .noop)
    }

    @Test(arguments: [(DeletePolicy.delete, ChangeAction.delete), (.retain, .retain)])
    func aRemovedManifestDeletesOrRetainsTheRole(policy: DeletePolicy, expected: ChangeAction) async throws {
        let setup = try await Setup()
        let (_, outputs) = try await setup.aws.reconcile(setup.address, desired: try setup.desired())
        let (change, _) = try await setup.aws.reconcile(setup.address, desired: nil, recorded: outputs, deletePolicy: policy)
        #expect(change.action == expected)
        let remaining = try await setup.aws.iam.getRole(name: setup.roleName)
        #expect((remaining == nil) == (policy == .delete))
    }

    @Test(arguments: ["name", "path"])
    func recreateReplacesTheRoleAndTheNewArnIsOutput(field: String) async throws {
        let setup = try await Setup()
        let (_, old) = try await setup.aws.reconcile(setup.address, desired: try setup.desired())
        let newName = field == "name" ? E.unique("renamed") : setup.roleName
        let desired = try setup.desired(field == "name" ? ["roleName": newName] : ["path": "/"],
                                        policy: "onImmutableChange: Recreate")
        let (change, outputs) = try await setup.aws.reconcile(setup.address, desired: desired, recorded: old)
        #expect(change.action == .replace)
        #expect(outputs["arn"] == "arn:aws:iam::\(setup.aws.account):role/\(field == "name" ? "service-role/" : "")\(newName)")
        #expect(outputs["arn"] != old["arn"])
        let role = try #require(try await setup.aws.iam.getRole(name: newName))
        #expect(role.arn == outputs["arn"])
        if field == "name" { #expect(try await setup.aws.iam.getRole(name: setup.roleName) == nil) }
        #expect(try await setup.aws.plan(setup.address, desired: desired, recorded: outputs).0.action == .noop)
    }

    @Test func aForeignRoleIsRefusedUntilAdoptedThenTagged() async throws {
        let setup = try await Setup()
        let trust = SmsRoleDocuments.trustPolicy(externalId: "ext-1", account: setup.aws.account)
        _ = try await setup.aws.iam.createRole(.init(roleName: setup.roleName, path: "/service-role/", assumeRolePolicy: trust))
        #expect(try await setup.aws.plan(setup.address, desired: try setup.desired()).0.action == .refuse)

        let adopting = try setup.desired(["adopt": setup.roleName])
        let (change, outputs) = try await setup.aws.reconcile(setup.address, desired: adopting)
        #expect(change.action == .update)
        let role = try #require(try await setup.aws.iam.getRole(name: setup.roleName))
        #expect(OwnershipTags.marks(role.tags, as: setup.address))
        #expect(role.maxSessionDuration == 7200)
        #expect(try await setup.aws.plan(setup.address, desired: adopting, recorded: outputs).0.action == .noop)
    }

    /// A CreateRole that succeeded without us seeing the answer: the retry finds our role and brings it to the manifest.
    @Test func aRetriedCreateContinuesWithItsOwnRoleAndRefusesAForeignOne() async throws {
        let setup = try await Setup()
        let desired = try setup.desired()
        let trust = SmsRoleDocuments.trustPolicy(externalId: "old", account: setup.aws.account)
        _ = try await setup.aws.iam.createRole(.init(roleName: setup.roleName, path: "/service-role/", assumeRolePolicy: trust,
                                                      tags: OwnershipTags.tags(for: setup.address, owner: nil)))
        let input = PlanInput<SmsRoleLive>(address: setup.address, desired: desired, live: .absent, status: nil, references: [:],
                                           dependencyActions: [:], deletePolicy: .retain,
                                           options: PlanOptions(account: setup.aws.account))
        let create = try ResourceChange(address: setup.address, action: .create)
        let context = ApplyContext(reconcile: setup.aws.context, references: ReferenceStore(),
                                   options: PlanOptions(account: setup.aws.account))
        let outputs = try await setup.aws.handler.apply(create, input: input, context: context)
        #expect(outputs["roleName"] == setup.roleName)
        #expect(try await setup.aws.plan(setup.address, desired: desired, recorded: outputs).0.action == .noop)

        let other = ResourceAddress(kind: .smsRole, name: E.unique("other"))
        let foreignInput = PlanInput<SmsRoleLive>(
            address: other, desired: try E.desired(name: other.name, spec: setup.spec), live: .absent, status: nil,
            references: [:], dependencyActions: [:], deletePolicy: .retain, options: PlanOptions(account: setup.aws.account))
        let error = await #expect(throws: OwnedRoleError.self) {
            _ = try await setup.aws.handler.apply(try ResourceChange(address: other, action: .create), input: foreignInput,
                                                  context: context)
        }
        #expect(error?.code == "smsRole.nameTaken")
    }
}
