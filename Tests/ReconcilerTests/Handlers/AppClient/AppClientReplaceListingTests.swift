import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// A replaced client lists every field the new client gets differently, also those the manifest leaves out
/// (the new client has AWS's defaults there), and only the fields that force the replacement are marked.
@Suite struct AppClientReplaceListingTests {
    /// A manifest that sets only the name and the secret.
    static let yaml = """
        kind: AppClient
        metadata: {name: signup}
        spec:
          userPool: qnatime
          clientName: signup-client
          generateSecret: false
        policy: {onImmutableChange: Recreate}
        """

    /// A live client with a secret and a value other than AWS's default in every other field.
    static let live: [String: JSONValue] = [
        "ClientId": "c1", "ClientName": "signup-client", "UserPoolId": "us-east-1_Pool1", "ClientSecret": "not-kept",
        "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH"], "ReadAttributes": ["email"], "WriteAttributes": ["email"],
        "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": false,
        "AccessTokenValidity": 2, "IdTokenValidity": 2, "RefreshTokenValidity": 2,
    ]

    struct Row: Sendable, CustomTestStringConvertible {
        let path: String
        let before: PlanValue
        let after: PlanValue
        let forces: Bool
        var testDescription: String { path }
    }

    static let rows: [Row] = [
        Row(path: "enableTokenRevocation", before: false, after: true, forces: false),
        Row(path: "explicitAuthFlows", before: ["ALLOW_USER_PASSWORD_AUTH"],
            after: ["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"], forces: false),
        Row(path: "generateSecret", before: true, after: false, forces: true),
        Row(path: "preventUserExistenceErrors", before: true, after: false, forces: false),
        Row(path: "readAttributes", before: ["email"], after: [], forces: false),
        Row(path: "tokenValidity.accessToken", before: "2h", after: "1h", forces: false),
        Row(path: "tokenValidity.idToken", before: "2h", after: "1h", forces: false),
        Row(path: "tokenValidity.refreshToken", before: "2d", after: "30d", forces: false),
        Row(path: "writeAttributes", before: ["email"], after: [], forces: false),
    ]

    @Test func listsEveryFieldTheNewClientGetsDifferently() throws {
        let input = ClientMfaFixtures.input(ResourceAddress(kind: .appClient, name: "signup"),
                                            desired: try ClientMfaFixtures.desired(Self.yaml),
                                            live: LiveState<AppClientLive>.owned(.client(try AppClientDescription(.object(Self.live)))))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .replace)
        #expect(change.fieldChanges == Self.rows.map {
            FieldChange(path: $0.path, before: $0.before, after: $0.after, forcesReplacement: $0.forces)
        })
        #expect(change.reason?.hasPrefix("generateSecret cannot change after creation") == true, "\(change.reason ?? "")")
    }

    @Test func anUpdateListsOnlyTheManagedFields() throws {
        var live = Self.live
        live["ClientSecret"] = nil
        let input = ClientMfaFixtures.input(ResourceAddress(kind: .appClient, name: "signup"),
                                            desired: try ClientMfaFixtures.desired(Self.yaml),
                                            live: LiveState<AppClientLive>.owned(.client(try AppClientDescription(.object(live)))))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .noop, "fields the manifest leaves out are not managed: \(change.fieldChanges)")
    }
}
