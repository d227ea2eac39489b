import AWSCore
import AWSServices
import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Deleting an owned role that has a managed policy attached outside smsauth touches nothing: IAM would refuse the
/// DeleteRole only after smsauth had removed the inline policies, leaving a role still in use without its
/// permissions.
@Suite struct RoleDeleteConflictTests {
    @Test func aRoleWithAForeignManagedPolicyIsLeftWholeThenDeletedOnceDetached() async throws {
        let setup = try await SmsRoleEndToEndTests.Setup()
        let (_, outputs) = try await setup.aws.reconcile(setup.address, desired: try setup.desired())
        let client = setup.aws.context.client
        var create = QueryParameters()
        create.set("PolicyName", SmsRoleEmulator.unique("foreign"))
        create.set("PolicyDocument", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}"#)
        let policyArn = try #require(try await client.query(.iam, region: "us-east-1", action: "CreatePolicy",
                                                            parameters: create).value("Policy", "Arn"))
        var attach = QueryParameters()
        attach.set("RoleName", setup.roleName)
        attach.set("PolicyArn", policyArn)
        _ = try await client.query(.iam, region: "us-east-1", action: "AttachRolePolicy", parameters: attach)

        let error = await #expect(throws: RoleDeleteConflict.self) {
            _ = try await setup.aws.reconcile(setup.address, desired: nil, recorded: outputs, deletePolicy: .delete)
        }
        #expect(error == RoleDeleteConflict(roleName: setup.roleName, policyArns: [policyArn]))
        #expect(error?.code == "role.managedPoliciesAttached" && error?.isRetryable == false)
        #expect(try await setup.aws.iam.getRole(name: setup.roleName) != nil, "the role is still there")
        #expect(try await setup.aws.iam.listRolePolicies(roleName: setup.roleName) == ["smsauth-sns-publish"],
                "with its inline policy")

        _ = try await client.query(.iam, region: "us-east-1", action: "DetachRolePolicy", parameters: attach)
        let (change, _) = try await setup.aws.reconcile(setup.address, desired: nil, recorded: outputs, deletePolicy: .delete)
        #expect(change.action == .delete)
        #expect(try await setup.aws.iam.getRole(name: setup.roleName) == nil)
    }
}
