import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// AppClientHandler.plan: pure decisions from manifests and live clients built by hand.
@Suite struct AppClientPlanTests {
    static let address = ResourceAddress(kind: .appClient, name: "signup")

    static func yaml(generateSecret: Bool = false, policy: String = "") -> String {
        """
        kind: AppClient
        metadata: {name: signup}
        spec:
          userPool: qnatime
          clientName: signup-client
          generateSecret: \(generateSecret)
          explicitAuthFlows: [USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
          readAttributes: [phone_number, email]
          writeAttributes: [phone_number]
          preventUserExistenceErrors: true
          enableTokenRevocation: true
          tokenValidity: {accessToken: 60m, idToken: 1h, refreshToken: 30d}
        \(policy)
        """
    }

    /// A live client equal to `yaml()`, in other spellings: lifetimes in other units, sets in another order.
    static let matching: [String: JSONValue] = [
        "ClientId": "c1", "ClientName": "signup-client", "UserPoolId": "us-east-1_Pool1",
        "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        "ReadAttributes": ["email", "phone_number"], "WriteAttributes": ["phone_number"],
        "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
        "AccessTokenValidity": 1, "IdTokenValidity": 60, "RefreshTokenValidity": 30,
        "TokenValidityUnits": ["IdToken": "minutes"],
        "CallbackURLs": ["https://example.com/cb"], "AllowedOAuthFlows": ["code"],
    ]

    static func live(_ changes: [String: JSONValue] = [:], secret: Bool = false) throws -> LiveState<AppClientLive> {
        var raw = matching.merging(changes) { _, new in new }
        if secret { raw["ClientSecret"] = "not-kept" }
        return .owned(.client(try AppClientDescription(.object(raw))))
    }

    /// One live variation and the plan it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let changes: [String: JSONValue]
        let action: ChangeAction
        let paths: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "equal in other spellings", changes: [:], action: .noop, paths: []),
        Case(name: "legacy flow names", changes: ["ExplicitAuthFlows": ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]],
             action: .noop, paths: []),
        Case(name: "unmanaged OAuth drift", changes: ["CallbackURLs": ["https://other.example/cb"]], action: .noop, paths: []),
        Case(name: "read attributes", changes: ["ReadAttributes": ["email"]], action: .update, paths: ["readAttributes"]),
        Case(name: "renamed", changes: ["ClientName": "old-name"], action: .update, paths: ["clientName"]),
        Case(name: "existence errors LEGACY", changes: ["PreventUserExistenceErrors": "LEGACY"], action: .update,
             paths: ["preventUserExistenceErrors"]),
        Case(name: "revocation absent is on", changes: ["EnableTokenRevocation": .null], action: .noop, paths: []),
        Case(name: "access token 2 hours", changes: ["AccessTokenValidity": 2], action: .update,
             paths: ["tokenValidity.accessToken"]),
        Case(name: "refresh token absent is 30 days", changes: ["RefreshTokenValidity": .null], action: .noop, paths: []),
        Case(name: "in another pool than the named one", changes: ["UserPoolId": "us-east-1_Old"], action: .refuse,
             paths: ["userPool"]),
        Case(name: "refresh token in minutes", changes: ["RefreshTokenValidity": 43_200,
                                                          "TokenValidityUnits": ["IdToken": "minutes", "RefreshToken": "minutes"]],
             action: .noop, paths: []),
    ]

    @Test(arguments: cases)
    func comparesAsAWSMeansIt(_ testCase: Case) throws {
        // Found by the id its status records, where the status records it.
        let recorded = Self.status(clientId: "c1",
                                   poolId: testCase.changes["UserPoolId"]?.stringValue ?? "us-east-1_Pool1")
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml()),
                                            live: try Self.live(testCase.changes), status: recorded)
        let change = try AppClientHandler().plan(input)
        #expect(change.action == testCase.action)
        #expect(change.fieldChanges.map(\.path) == testCase.paths)
    }

    @Test func createsWhenAbsentWithEveryManagedField() throws {
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml()),
                                            live: LiveState<AppClientLive>.absent)
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .create)
        #expect(change.dependencies == [ClientMfaFixtures.pool])
        let fields = Dictionary(uniqueKeysWithValues: change.fieldChanges.map { ($0.path, $0.after) })
        #expect(fields["explicitAuthFlows"] == ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"])
        #expect(fields["readAttributes"] == ["email", "phone_number"])
        #expect(fields["tokenValidity.accessToken"] == "1h")
        #expect(fields["tokenValidity.refreshToken"] == "30d")
        #expect(fields["generateSecret"] == false)
        #expect(change.fieldChanges.allSatisfy { $0.before == .null && !$0.forcesReplacement })
    }

    @Test func generateSecretChangeIsRefusedByDefault() throws {
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml(generateSecret: true)),
                                            live: try Self.live())
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .refuse)
        #expect(change.fieldChanges == [FieldChange(path: "generateSecret", before: false, after: true, forcesReplacement: true)])
        #expect(change.reason?.contains("generateSecret cannot change after creation") == true)
        #expect(change.reason?.contains("onImmutableChange: Recreate") == true)
    }

    @Test func generateSecretChangeReplacesWithRecreate() throws {
        let yaml = Self.yaml(generateSecret: false, policy: "policy: {onImmutableChange: Recreate}")
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(yaml),
                                            live: try Self.live(secret: true))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .replace)
        #expect(change.reason?.contains("new client id") == true)
        #expect(change.fieldChanges.map(\.path) == ["generateSecret"])
    }

    /// A status recording `clientId` (nil: none) named `clientName` in `poolId`.
    static func status(clientId: String?, clientName: String = "signup-client",
                       poolId: String = "us-east-1_Pool1") -> ResourceStatus {
        ResourceStatus(kind: .appClient, name: "signup", specHash: "h",
                       resource: ["userPoolId": poolId, "clientName": clientName]
                           .merging(clientId.map { ["clientId": $0] } ?? [:]) { own, _ in own })
    }

    @Test func aClientMovingToAPoolNotCreatedYetIsReplacedWithRecreate() throws {
        let yaml = Self.yaml(policy: "policy: {onImmutableChange: Recreate}")
        let input = PlanInput(address: Self.address, desired: try ClientMfaFixtures.desired(yaml), live: try Self.live(),
                              status: Self.status(clientId: "c1"), references: [:],
                              dependencyActions: [ClientMfaFixtures.pool: .create],
                              deletePolicy: .delete, options: PlanOptions(account: "123456789012"))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .replace)
        #expect(change.fieldChanges == [FieldChange(path: "userPool", before: "us-east-1_Pool1",
                                                    after: "(known after apply)", forcesReplacement: true)])
    }

    /// A client found in its recorded pool by name alone (the recorded client gone, or none recorded), while the
    /// manifest names another pool, may be another client of that name: refused, never deleted to be moved, whatever
    /// `onImmutableChange` says; when the named pool is created in this run, it is not this resource's client at all,
    /// and the client is created. The recorded client moves only as recorded (its recorded name). In the pool the
    /// manifest names, a client found by name is this resource's.
    @Test(arguments: [
        ("gone0000000000", "signup-client", ["id": "us-east-1_Pool2", "region": "us-east-1"], ChangeAction.refuse,
         "was found by its name alone (its status records client gone0000000000)"),
        (nil, "signup-client", ["id": "us-east-1_Pool2", "region": "us-east-1"], .refuse,
         "was found by its name alone (its status records no client id)"),
        ("gone0000000000", "signup-client", [:], .create, nil),
        ("c1", "signup-client", ["id": "us-east-1_Pool2", "region": "us-east-1"], .replace, nil),
        ("c1", "renamed-by-hand", ["id": "us-east-1_Pool2", "region": "us-east-1"], .refuse,
         "is not moved to user pool us-east-1_Pool2: client c1 is now named \"signup-client\", "
             + "not the recorded \"renamed-by-hand\""),
        ("gone0000000000", "signup-client", ["id": "us-east-1_Pool1", "region": "us-east-1"], .noop, nil),
    ] as [(String?, String, [String: String], ChangeAction, String?)])
    func aClientFoundElsewhereMovesOnlyAsRecorded(recorded: String?, recordedName: String, pool: [String: String],
                                                  action: ChangeAction, reason: String?) throws {
        let yaml = Self.yaml(policy: "policy: {onImmutableChange: Recreate}")
        let input = PlanInput(address: Self.address, desired: try ClientMfaFixtures.desired(yaml), live: try Self.live(),
                              status: Self.status(clientId: recorded, clientName: recordedName),
                              references: pool.isEmpty ? [:] : [ClientMfaFixtures.pool: pool],
                              dependencyActions: [ClientMfaFixtures.pool: pool.isEmpty ? .create : .noop],
                              deletePolicy: .delete, options: PlanOptions(account: "123456789012"))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == action)
        if let reason {
            #expect(change.reason?.contains(reason) == true, "\(String(describing: change.reason))")
        }
    }

    @Test func aNewClientHasNoPoolField() throws {
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml()),
                                            live: LiveState<AppClientLive>.absent)
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .create)
        #expect(!change.fieldChanges.map(\.path).contains("userPool"))
    }

    @Test func aReplacedPoolRecreatesTheClient() throws {
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml()),
                                            live: try Self.live(), poolAction: .replace)
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .replace)
        #expect(change.reason == "UserPool/qnatime is replaced, so this is recreated inside the new one")
    }

    @Test func twoClientsWithTheNameAreRefused() throws {
        let live = LiveState<AppClientLive>.owned(.ambiguous(poolId: "us-east-1_Pool1", clientName: "signup-client",
                                                             clientIds: ["a1", "b2"]))
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml()), live: live)
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("2 app clients named \"signup-client\" (a1, b2)") == true)
        #expect(AppClientHandler().outputs(of: live.value ?? .ambiguous(poolId: "", clientName: "", clientIds: []))
                == ["userPoolId": "us-east-1_Pool1"])
    }

    @Test(arguments: [(DeletePolicy.delete, ChangeAction.delete), (.retain, .retain)])
    func removedManifestFollowsOnDelete(policy: DeletePolicy, action: ChangeAction) throws {
        let recorded = ResourceStatus(kind: .appClient, name: "signup", specHash: "h", resource: [
            "clientId": "c1", "clientName": "signup-client", "userPoolId": "us-east-1_Pool1",
        ])
        let input = ClientMfaFixtures.input(Self.address, desired: nil, live: try Self.live(), deletePolicy: policy,
                                            status: recorded)
        #expect(try AppClientHandler().plan(input).action == action)
        let gone = ClientMfaFixtures.input(Self.address, desired: nil, live: LiveState<AppClientLive>.absent, deletePolicy: policy)
        #expect(try AppClientHandler().plan(gone).action == .noop)
    }

    @Test func outputsNeverCarryTheSecret() throws {
        let live = try #require(try Self.live(secret: true).value)
        #expect(AppClientHandler().outputs(of: live)
                == ["clientId": "c1", "clientName": "signup-client", "userPoolId": "us-east-1_Pool1"])
        #expect(live.client?.hasSecret == true)
        #expect(!"\(live)".contains("not-kept"))
    }
}
