import Manifests
import Testing
@testable import Reconciler

/// Outputs handed to user pools: from a live role, and planned before the role exists.
@Suite struct SmsRoleOutputsTests {
    typealias F = SmsRoleFixtures

    @Test func plannedOutputsNameTheFutureArnFromAccountPathAndName() throws {
        let outputs = SmsRoleHandler().plannedOutputs(of: try F.desired(), account: "111122223333", partition: "aws")
        #expect(outputs == [
            "arn": "arn:aws:iam::111122223333:role/service-role/cognito_sns_iam_role",
            "roleName": "cognito_sns_iam_role", "externalId": "ext-1",
        ])
        let rootPath = SmsRoleHandler().plannedOutputs(of: try F.desired(F.spec(["path": nil])), account: "111122223333",
                                                       partition: "aws")
        #expect(rootPath["arn"] == "arn:aws:iam::111122223333:role/cognito_sns_iam_role")
    }

    /// The planned ARN carries the run's partition (GovCloud, China), never a hard-coded `aws`.
    @Test(arguments: [("aws-us-gov", "arn:aws-us-gov:iam::111122223333:role/service-role/cognito_sns_iam_role"),
                      ("aws-cn", "arn:aws-cn:iam::111122223333:role/service-role/cognito_sns_iam_role")])
    func plannedArnIsInThePartition(partition: String, expected: String) throws {
        let outputs = SmsRoleHandler().plannedOutputs(of: try F.desired(), account: "111122223333", partition: partition)
        #expect(outputs["arn"] == expected)
    }

    @Test func liveOutputsCarryTheTrustPolicysExternalId() throws {
        let outputs = SmsRoleHandler().outputs(of: try F.live(try F.role(trust: F.reshapedTrust(externalId: "ext-9"))))
        #expect(outputs == [
            "arn": "arn:aws:iam::123456789012:role/service-role/cognito_sns_iam_role",
            "roleName": "cognito_sns_iam_role", "externalId": "ext-9",
        ])
    }

    @Test func plannedOutputsOfAnotherKindAreEmpty() throws {
        let text = "apiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: p}\nspec: {poolName: P, region: us-east-1}\n"
        let manifest = try #require(ManifestLoader().load(text: text, file: "pool.yaml").manifests.first)
        #expect(SmsRoleHandler().plannedOutputs(of: DesiredResource(manifest: manifest, region: "us-east-1", dependencies: []),
                                                account: "1", partition: "aws").isEmpty)
    }
}
