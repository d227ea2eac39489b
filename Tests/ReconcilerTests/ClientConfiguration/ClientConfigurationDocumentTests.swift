import AWSServices
import Foundation
import Manifests
import Testing
@testable import Reconciler

/// The client configuration documents, from a live pool and client built by hand: the fields each published format
/// documents, with the values Cognito's answers mean, and never the secret.
@Suite struct ClientConfigurationDocumentTests {
    static let pool: [String: JSONValue] = [
        "Id": "eu-central-1_Pool1", "Name": "Tasks", "UsernameAttributes": ["phone_number"],
        "AutoVerifiedAttributes": ["phone_number"], "MfaConfiguration": "OPTIONAL",
        "Policies": ["PasswordPolicy": ["MinimumLength": 12, "RequireUppercase": true, "RequireLowercase": true,
                                         "RequireNumbers": true, "RequireSymbols": false]],
        "SchemaAttributes": [["Name": "phone_number", "Required": true], ["Name": "email", "Required": false],
                             ["Name": "custom:team", "Required": true]],
    ]
    static let mfa: JSONValue = ["MfaConfiguration": "OPTIONAL", "SmsMfaConfiguration": ["SmsAuthenticationMessage": "{####}"],
                                 "SoftwareTokenMfaConfiguration": ["Enabled": true]]
    static let client: [String: JSONValue] = [
        "ClientId": "client1", "ClientName": "backend", "UserPoolId": "eu-central-1_Pool1",
        "ClientSecret": "s3cr3t-never-shown", "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    ]

    static func configuration(pool: [String: JSONValue] = pool, mfa: JSONValue? = mfa) throws -> ClientConfiguration {
        ClientConfiguration(region: "eu-central-1", pool: try UserPoolDescription(.object(pool)), mfaConfig: mfa,
                            client: try AppClientDescription(.object(client)))
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func amplifyOutputsHasTheSchemaFieldsAndValues() throws {
        let text = ClientConfigurationDocument.render([try Self.configuration()], as: .amplify)
        let document = try Self.object(text)
        #expect(Set(document.keys) == ["version", "auth"])
        #expect(document["version"] as? String == "1.4")
        let auth = try #require(document["auth"] as? [String: Any])
        #expect(Set(auth.keys) == ["aws_region", "user_pool_id", "user_pool_client_id", "username_attributes",
                                   "standard_required_attributes", "user_verification_types", "mfa_configuration",
                                   "mfa_methods", "password_policy"])
        #expect(auth["aws_region"] as? String == "eu-central-1")
        #expect(auth["user_pool_id"] as? String == "eu-central-1_Pool1")
        #expect(auth["user_pool_client_id"] as? String == "client1")
        #expect(auth["username_attributes"] as? [String] == ["phone_number"])
        #expect(auth["standard_required_attributes"] as? [String] == ["phone_number"], "custom attributes are not standard")
        #expect(auth["user_verification_types"] as? [String] == ["phone_number"])
        #expect(auth["mfa_configuration"] as? String == "OPTIONAL")
        #expect(auth["mfa_methods"] as? [String] == ["SMS", "TOTP"])
        let policy = try #require(auth["password_policy"] as? [String: Any])
        #expect(policy["min_length"] as? Int == 12)
        #expect(policy["require_symbols"] as? Bool == false)
        #expect(Set(policy.keys) == ["min_length", "require_numbers", "require_lowercase", "require_uppercase", "require_symbols"])
        #expect(text.contains("\"min_length\" : 12,"), "whole numbers are written as integers")
    }

    @Test(arguments: [("OFF", "NONE", [String]()), ("ON", "REQUIRED", ["SMS", "TOTP"])])
    func amplifyMfaNames(mode: String, expected: String, methods: [String]) throws {
        var pool = Self.pool
        pool["MfaConfiguration"] = .string(mode)
        let auth = try #require(try Self.object(ClientConfigurationDocument.render([try Self.configuration(pool: pool)],
                                                                                     as: .amplify))["auth"] as? [String: Any])
        #expect(auth["mfa_configuration"] as? String == expected)
        #expect(auth["mfa_methods"] as? [String] == methods)
    }

    @Test func amplifyUsesUsernameWhenThePoolHasNoUsernameAttributes() throws {
        var pool = Self.pool
        pool["UsernameAttributes"] = nil
        pool["AliasAttributes"] = ["email"]
        let auth = try #require(try Self.object(ClientConfigurationDocument.render([try Self.configuration(pool: pool)],
                                                                                     as: .amplify))["auth"] as? [String: Any])
        #expect(auth["username_attributes"] as? [String] == ["username"])
    }

    @Test func amplifyGen1HasTheCognitoAuthPluginSection() throws {
        let document = try Self.object(ClientConfigurationDocument.render([try Self.configuration()], as: .amplifyGen1))
        #expect(document["Version"] as? String == "1.0")
        let plugins = try #require((document["auth"] as? [String: Any])?["plugins"] as? [String: Any])
        let plugin = try #require(plugins["awsCognitoAuthPlugin"] as? [String: Any])
        #expect(Set(plugin.keys) == ["IdentityManager", "CognitoUserPool", "Auth"])
        let userPool = try #require((plugin["CognitoUserPool"] as? [String: Any])?["Default"] as? [String: String])
        #expect(userPool == ["PoolId": "eu-central-1_Pool1", "AppClientId": "client1", "Region": "eu-central-1"])
        let auth = try #require((plugin["Auth"] as? [String: Any])?["Default"] as? [String: Any])
        #expect(Set(auth.keys) == ["authenticationFlowType", "socialProviders", "usernameAttributes", "signupAttributes",
                                   "passwordProtectionSettings", "mfaConfiguration", "mfaTypes", "verificationMechanisms"])
        #expect(auth["authenticationFlowType"] as? String == "USER_PASSWORD_AUTH")
        #expect(auth["usernameAttributes"] as? [String] == ["PHONE_NUMBER"])
        #expect(auth["verificationMechanisms"] as? [String] == ["PHONE_NUMBER"])
        #expect(auth["mfaConfiguration"] as? String == "OPTIONAL")
        #expect(auth["mfaTypes"] as? [String] == ["SMS", "TOTP"])
        let password = try #require(auth["passwordProtectionSettings"] as? [String: Any])
        #expect(password["passwordPolicyMinLength"] as? Int == 12)
        #expect(password["passwordPolicyCharacters"] as? [String] == ["REQUIRES_LOWERCASE", "REQUIRES_UPPERCASE", "REQUIRES_NUMBERS"])
    }

    @Test(arguments: [([String](), "USER_SRP_AUTH"), (["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"], "USER_SRP_AUTH"),
                      (["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], "CUSTOM_AUTH")])
    func gen1FlowType(flows: [String], expected: String) {
        #expect(ClientConfigurationDocument.authenticationFlowType(flows) == expected)
    }

    @Test func envAndJson() throws {
        let configuration = try Self.configuration()
        let env = ClientConfigurationDocument.render([configuration], as: .env)
        #expect(env.hasPrefix("AWS_REGION=eu-central-1\nCOGNITO_USER_POOL_ID=eu-central-1_Pool1\nCOGNITO_CLIENT_ID=client1\n"))
        #expect(env.contains("COGNITO_MFA_METHODS=SMS,TOTP\n"))
        let json = try Self.object(ClientConfigurationDocument.render([configuration, configuration], as: .json))
        #expect(json["format"] as? String == "smsauth-client-configuration/v1")
        let clients = try #require(json["clients"] as? [[String: Any]])
        #expect(clients.count == 2)
        #expect(clients[0]["hasSecret"] as? Bool == true)
        #expect((clients[0]["mfa"] as? [String: Any])?["methods"] as? [String] == ["SMS", "TOTP"])
    }

    @Test(arguments: [("web-1", "web-1"), ("", ""), ("Web app", "\"Web app\""), ("a\"$b", "\"a\\\"\\$b\"")])
    func envQuotesOnlyWhatNeedsIt(value: String, expected: String) {
        #expect(ClientConfigurationDocument.envValue(value) == expected)
    }

    @Test(arguments: ClientConfigurationFormat.allCases)
    func noFormatCarriesTheSecret(_ format: ClientConfigurationFormat) throws {
        let text = ClientConfigurationDocument.render([try Self.configuration()], as: format)
        #expect(!text.isEmpty)
        #expect(!text.contains("s3cr3t-never-shown"))
        #expect(ClientConfigurationDocument.render([try Self.configuration()], as: format) == text, "deterministic")
    }
}
