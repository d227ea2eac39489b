import AWSCore
import Controller
import Manifests
import Testing
import TestSupport

/// Every kind is covered by the rate limits: the manifests `PlanCallCountTests` applies and plans hold every kind,
/// and none of their Cognito calls falls outside Cognito's documented quota categories (such a call would be
/// limited by the generic `cognito-idp:default` bucket instead of the category AWS throttles it in).
@Suite struct RateLimitCoverageTests {
    @Test func theCallManifestsHoldEveryKind() {
        let text = PlanCallCountManifests.documents(region: "us-east-1", suffix: "kinds").joined(separator: "---\n")
        let load = ManifestLoader().load(text: text, file: "all.yaml")
        #expect(!load.hasErrors, "\(load.diagnostics)")
        #expect(Set(load.manifests.map(\.kind)) == Set(ResourceKind.allCases),
                "PlanCallCountManifests must declare every kind, so its calls are counted and categorised")
    }

    /// The Cognito operations among `calls` whose rate-limit category is not one of AWS's default quotas.
    static func uncategorised(_ calls: [Emulator.Call]) -> [String] {
        let limited = Set(RateLimiterConfiguration.awsDefaults.categories.keys)
        return Set(calls.filter { $0.service == "cognito-idp" }.map(\.operation)).filter { operation in
            !limited.contains(AWSOperation(service: "cognito-idp", name: operation).rateLimitCategory)
        }.sorted()
    }

    @Test func aCognitoOperationOutsideTheCategoriesIsFound() {
        let call = { (operation: String) in Emulator.Call(service: "cognito-idp", operation: operation, status: 200) }
        #expect(Self.uncategorised([call("DescribeUserPool"), call("CreateUserPoolDomain")]) == ["CreateUserPoolDomain"])
        #expect(Self.uncategorised([Emulator.Call(service: "iam", operation: "GetRole", status: 200)]).isEmpty)
    }
}
