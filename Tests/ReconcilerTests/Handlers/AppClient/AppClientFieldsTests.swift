import Foundation
import AWSCore
@testable import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The AppClient requests, lifetimes and identity rules.
@Suite struct AppClientFieldsTests {
    static func spec(_ body: String) throws -> AppClientSpec {
        let manifest = try ClientMfaFixtures.manifest("""
            kind: AppClient
            metadata: {name: web}
            spec:
              userPool: qnatime
              clientName: web
            \(body)
            """)
        return try #require(AppClientHandler.spec(DesiredResource(manifest: manifest, region: "us-east-1", dependencies: [])))
    }

    @Test func updateKeepsEveryUnmanagedMemberAndSpellsOutUnits() throws {
        let spec = try Self.spec("  tokenValidity: {accessToken: 90m}\n  readAttributes: [email, email]")
        let live = try AppClientDescription(.object([
            "ClientId": "c1", "UserPoolId": "us-east-1_P", "ClientName": "web", "ClientSecret": "s3cr3t",
            "CallbackURLs": ["https://example.com/cb"], "AllowedOAuthFlows": ["code"], "AllowedOAuthFlowsUserPoolClient": true,
            "RefreshTokenValidity": 30, "IdTokenValidity": 2, "AccessTokenValidity": 1,
            "TokenValidityUnits": ["IdToken": "hours"], "LastModifiedDate": 1_700_000_000,
        ]))
        let request = AppClientFields.updateRequest(spec, live: live)
        #expect(request["CallbackURLs"] == ["https://example.com/cb"])
        #expect(request["AllowedOAuthFlows"] == ["code"])
        #expect(request["AllowedOAuthFlowsUserPoolClient"] == true)
        #expect(request["ReadAttributes"] == ["email"])
        #expect(request["AccessTokenValidity"] == 90)
        #expect(request["IdTokenValidity"] == 2)
        #expect(request["RefreshTokenValidity"] == 30)
        #expect(request["TokenValidityUnits"] == ["AccessToken": "minutes", "IdToken": "hours", "RefreshToken": "days"])
        #expect(request["ClientSecret"] == nil)
        #expect(request["LastModifiedDate"] == nil)
        #expect(request["UserPoolId"] == "us-east-1_P")
        #expect(request["ClientId"] == "c1")
    }

    @Test func createSendsOnlyWhatTheManifestSets() throws {
        let spec = try Self.spec("""
              generateSecret: true
              preventUserExistenceErrors: false
              explicitAuthFlows: [ALLOW_USER_SRP_AUTH]
            """)
        let request = AppClientFields.createRequest(spec, poolId: "us-east-1_P")
        #expect(request == [
            "UserPoolId": "us-east-1_P", "ClientName": "web", "GenerateSecret": true,
            "PreventUserExistenceErrors": "LEGACY", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"],
        ])
    }

    @Test(arguments: [
        (60, "1h"), (90, "90m"), (1440, "1d"), (43_200, "30d"), (5, "5m"), (120, "2h"),
    ])
    func lifetimesPrintInTheirShortestExactUnit(minutes: Int, text: String) {
        #expect(TokenLifetime(TokenDuration(minutes, .minutes)).text == text)
        #expect(TokenLifetime(TokenDuration(minutes, .minutes)).minutes == minutes)
    }

    @Test(arguments: [
        ("seconds", 3_600, "1h"), ("seconds", 3_601, "3601s"), ("minutes", 60, "1h"), ("hours", 24, "1d"), ("days", 30, "30d"),
    ])
    func liveLifetimesAreLengthsOfTime(unit: String, value: Int, text: String) {
        let raw: [String: JSONValue] = ["AccessTokenValidity": .number(Double(value)), "TokenValidityUnits": ["AccessToken": .string(unit)]]
        #expect(TokenLifetime(.accessToken, in: raw).text == text)
    }

    static let clients: [CognitoIdentityProvider.AppClientSummary] = [
        .init(clientId: "a", clientName: "web"), .init(clientId: "b", clientName: "web"), .init(clientId: "c", clientName: "api"),
    ]

    @Test(arguments: [
        ("recorded id wins over a duplicated name", "b", "web", AppClientIdentity.found("b")),
        ("recorded id gone, name unique", "zz", "api", .found("c")),
        ("no recorded id, name unique", nil, "api", .found("c")),
        ("name duplicated", nil, "web", .ambiguous(name: "web", clientIds: ["a", "b"])),
        ("name absent", nil, "mobile", .none),
        ("removed manifest, id gone", "zz", nil, .none),
    ] as [(String, String?, String?, AppClientIdentity)])
    func identity(_ label: String, recorded: String?, name: String?, expected: AppClientIdentity) {
        #expect(AppClientIdentity.find(recordedId: recorded, name: name, in: Self.clients) == expected, "\(label)")
    }

    @Test(arguments: [
        ("3h8f1lpjbl0ef6c6l3obuprv2n", true), ("a_b+C9", true), (String(repeating: "a", count: 128), true),
        ("", false), (String(repeating: "a", count: 129), false), ("id with spaces", false), ("a-b", false),
        ("../x", false), ("é", false),
    ])
    func aClientIdIsWhatAWSAccepts(_ text: String, accepted: Bool) {
        #expect(AppClientIdentity.isClientId(text) == accepted, "\(text)")
    }

    @Test func onlyARefusalOrAnUnsentRequestProvesNoClientWasCreated() {
        let refused = AWSError(service: "cognito-idp", operation: "CreateUserPoolClient", code: "InvalidParameterException",
                               message: "", httpStatus: 400)
        let failed = AWSError(service: "cognito-idp", operation: "CreateUserPoolClient", code: "InternalErrorException",
                              message: "", httpStatus: 500)
        #expect(!AppClientHandler.mayHaveCreated(refused))
        #expect(AppClientHandler.mayHaveCreated(failed))
        #expect(AppClientHandler.mayHaveCreated(URLError(.timedOut)))
        #expect(!AppClientHandler.mayHaveCreated(AWSClientError.requestEncodingFailed(service: "s", operation: "o", reason: "r")))
    }
}
