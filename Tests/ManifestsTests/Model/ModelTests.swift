import Testing
@testable import Manifests

/// The typed model: defaults, normalisation, optional fields and locations.
@Suite struct ModelTests {
    @Test(arguments: ResourceKind.allCases)
    func policyDefaultsFollowTheTable(_ kind: ResourceKind) {
        let deletes: Set<ResourceKind> = [.appClient, .sandboxNumber]
        let policy = Policy.defaults(for: kind, at: SourceLocation(file: "f", line: 1, column: 1))
        #expect(policy.onDelete.value == (deletes.contains(kind) ? .delete : .retain))
        #expect(policy.onImmutableChange.value == .refuse)
        #expect(policy.onDrift.value == .correct)
    }

    @Test func explicitPolicyOverridesDefaultsWithItsLocation() throws {
        let text = TestSupport.doc("AppClient", "c", ["userPool: p", "clientName: c"],
                                   extra: ["policy: {onDelete: Retain, onDrift: Report}"])
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        #expect(manifest.policy.onDelete.value == .retain)
        #expect(manifest.policy.onDelete.location == SourceLocation(file: "t.yaml", line: 7, column: 20))
        #expect(manifest.policy.onDrift.value == .report)
        #expect(manifest.policy.onImmutableChange.location == manifest.location)
    }

    @Test func legacyAuthFlowsAreNormalisedAndDurationsParsed() throws {
        let text = TestSupport.doc("AppClient", "c", [
            "userPool: p", "clientName: c",
            "explicitAuthFlows: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_USER_AUTH]",
            "tokenValidity: {accessToken: 5m, idToken: 1h, refreshToken: 30d}",
        ])
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        guard case .appClient(let spec) = manifest.spec else { throw ModelTestError.wrongKind }
        #expect(spec.explicitAuthFlows?.value.map(\.value) == [.adminUserPassword, .custom, .userPassword, .userAuth])
        #expect(spec.tokenValidity?.refreshToken?.value == TokenDuration(30, .days))
        #expect(spec.tokenValidity?.refreshToken?.value.totalMinutes == 43_200)
        #expect(spec.tokenValidity?.accessToken?.location == SourceLocation(file: "t.yaml", line: 8, column: 32))
        #expect(spec.generateSecret == nil)
        #expect(spec.readAttributes == nil)
    }

    @Test func fieldsLeftOutStayNil() throws {
        let text = TestSupport.doc("UserPool", "p", ["poolName: Pool"])
        let manifest = try #require(ManifestLoader().load(text: text, file: "t.yaml").manifests.first)
        guard case .userPool(let spec) = manifest.spec else { throw ModelTestError.wrongKind }
        #expect(spec.poolName.value == "Pool")
        #expect(spec.usernameAttributes == nil && spec.mapped.values.isEmpty && spec.mapped.groups.isEmpty)
        #expect(spec.smsRole == nil && spec.tags == nil && spec.region == nil)
    }

    @Test(arguments: [("5m", 5), ("1h", 60), ("30d", 43_200), ("0m", 0)])
    func durationsParse(_ text: String, _ minutes: Int) {
        #expect(TokenDuration(parsing: text)?.totalMinutes == minutes)
    }

    @Test(arguments: ["", "m", "5", "5s", "-5m", "1.5h", "99999999999d"])
    func badDurationsAreRejected(_ text: String) {
        #expect(TokenDuration(parsing: text) == nil)
    }

    @Test func locatedEqualityIgnoresLocation() {
        let a = Located("x", at: SourceLocation(file: "a", line: 1, column: 1))
        let b = Located("x", at: SourceLocation(file: "b", line: 9, column: 9))
        #expect(a == b)
    }
}

/// Failures of model tests.
enum ModelTestError: Error {
    /// The manifest had another kind than expected.
    case wrongKind
}
