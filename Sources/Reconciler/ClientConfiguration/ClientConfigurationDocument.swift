import AWSServices
import Foundation
import Manifests

/// A client configuration written in one of the published formats. Pure: the same configuration always gives
/// the same bytes (sorted keys), so an outputs parameter is rewritten only when its content changes.
public enum ClientConfigurationDocument {
    /// The `version` of the Amplify Gen 2 `amplify_outputs.json` schema the `amplify` format follows
    /// (aws-amplify/amplify-backend, `client-config-schema/schema_v1.4.json`).
    public static let amplifyOutputsVersion = "1.4"
    /// The `format` member of smsauth's own `json` shape.
    public static let jsonFormatName = "smsauth-client-configuration/v1"

    /// The document of `configurations` in `format`: `json` lists every configuration; the other formats describe
    /// exactly one client (the caller picks it).
    public static func render(_ configurations: [ClientConfiguration], as format: ClientConfigurationFormat) -> String {
        switch format {
        case .json: return text(.object(["format": .string(jsonFormatName), "clients": .array(configurations.map(json))]))
        case .amplify: return configurations.first.map { text(amplify($0)) } ?? ""
        case .amplifyGen1: return configurations.first.map { text(amplifyGen1($0)) } ?? ""
        case .env: return configurations.first.map(env) ?? ""
        }
    }

    /// The document one client's outputs parameter holds in `format` (`json`: the shape with this client alone).
    public static func parameterValue(_ configuration: ClientConfiguration, format: ClientConfigurationFormat) -> String {
        render([configuration], as: format)
    }

    /// smsauth's shape for one client (docs/app-configuration.md).
    static func json(_ c: ClientConfiguration) -> JSONValue {
        [
            "region": .string(c.region), "userPoolId": .string(c.userPoolId), "clientId": .string(c.clientId),
            "clientName": .string(c.clientName), "hasSecret": .bool(c.hasSecret),
            "usernameAttributes": .strings(c.usernameAttributes), "aliasAttributes": .strings(c.aliasAttributes),
            "verifiedAttributes": .strings(c.verifiedAttributes), "requiredAttributes": .strings(c.requiredAttributes),
            "mfa": ["configuration": .string(c.mfaConfiguration), "methods": .strings(c.mfaMethods)],
            "passwordPolicy": [
                "minimumLength": .number(Double(c.passwordPolicy.minimumLength)),
                "requireUppercase": .bool(c.passwordPolicy.requireUppercase),
                "requireLowercase": .bool(c.passwordPolicy.requireLowercase),
                "requireNumbers": .bool(c.passwordPolicy.requireNumbers),
                "requireSymbols": .bool(c.passwordPolicy.requireSymbols),
            ],
            "explicitAuthFlows": .strings(c.explicitAuthFlows),
        ]
    }

    /// `amplify_outputs.json` (schema 1.4): `version` and the `auth` section.
    static func amplify(_ c: ClientConfiguration) -> JSONValue {
        let mfa = ["OFF": "NONE", "ON": "REQUIRED", "OPTIONAL": "OPTIONAL"][c.mfaConfiguration] ?? "NONE"
        return [
            "version": .string(amplifyOutputsVersion),
            "auth": [
                "aws_region": .string(c.region),
                "user_pool_id": .string(c.userPoolId),
                "user_pool_client_id": .string(c.clientId),
                "username_attributes": .strings(c.usernameAttributes.isEmpty ? ["username"] : c.usernameAttributes),
                "standard_required_attributes": .strings(c.requiredAttributes),
                "user_verification_types": .strings(c.verifiedAttributes),
                "mfa_configuration": .string(mfa),
                "mfa_methods": .strings(c.mfaMethods),
                "password_policy": [
                    "min_length": .number(Double(c.passwordPolicy.minimumLength)),
                    "require_numbers": .bool(c.passwordPolicy.requireNumbers),
                    "require_lowercase": .bool(c.passwordPolicy.requireLowercase),
                    "require_uppercase": .bool(c.passwordPolicy.requireUppercase),
                    "require_symbols": .bool(c.passwordPolicy.requireSymbols),
                ],
            ],
        ]
    }

    /// `amplifyconfiguration.json` with `auth.plugins.awsCognitoAuthPlugin` (Amplify Gen 1 CLI, read by the
    /// Android, Swift and Flutter libraries).
    static func amplifyGen1(_ c: ClientConfiguration) -> JSONValue {
        let upper = { (names: [String]) in JSONValue.strings(names.map { $0.uppercased() }) }
        var characters: [String] = []
        if c.passwordPolicy.requireLowercase { characters.append("REQUIRES_LOWERCASE") }
        if c.passwordPolicy.requireUppercase { characters.append("REQUIRES_UPPERCASE") }
        if c.passwordPolicy.requireNumbers { characters.append("REQUIRES_NUMBERS") }
        if c.passwordPolicy.requireSymbols { characters.append("REQUIRES_SYMBOLS") }
        let plugin: JSONValue = [
            "IdentityManager": ["Default": [:]],
            "CognitoUserPool": ["Default": [
                "PoolId": .string(c.userPoolId), "AppClientId": .string(c.clientId), "Region": .string(c.region),
            ]],
            "Auth": ["Default": [
                "authenticationFlowType": .string(authenticationFlowType(c.explicitAuthFlows)),
                "socialProviders": [],
                "usernameAttributes": upper(c.usernameAttributes),
                "signupAttributes": upper(c.requiredAttributes),
                "passwordProtectionSettings": [
                    "passwordPolicyMinLength": .number(Double(c.passwordPolicy.minimumLength)),
                    "passwordPolicyCharacters": .strings(characters),
                ],
                "mfaConfiguration": .string(c.mfaConfiguration),
                "mfaTypes": .strings(c.mfaMethods),
                "verificationMechanisms": upper(c.verifiedAttributes),
            ]],
        ]
        return ["Version": "1.0", "auth": ["plugins": ["awsCognitoAuthPlugin": plugin]]]
    }

    /// The flow the Amplify libraries start sign-in with: SRP when the client allows it (or allows the defaults,
    /// which include SRP), else password, else custom.
    static func authenticationFlowType(_ flows: [String]) -> String {
        if flows.isEmpty || flows.contains("ALLOW_USER_SRP_AUTH") { return "USER_SRP_AUTH" }
        if flows.contains("ALLOW_USER_PASSWORD_AUTH") { return "USER_PASSWORD_AUTH" }
        if flows.contains("ALLOW_CUSTOM_AUTH") { return "CUSTOM_AUTH" }
        return "USER_SRP_AUTH"
    }

    /// `KEY=value` lines; a value with anything but letters, digits and `_ . , : / @ + = -` (a client name with a
    /// space) is double-quoted with `"`, `\\`, `$` and `` ` `` escaped, as shells and dotenv readers expect.
    static func env(_ c: ClientConfiguration) -> String {
        let lines: [(String, String)] = [
            ("AWS_REGION", c.region),
            ("COGNITO_USER_POOL_ID", c.userPoolId),
            ("COGNITO_CLIENT_ID", c.clientId),
            ("COGNITO_CLIENT_NAME", c.clientName),
            ("COGNITO_USERNAME_ATTRIBUTES", c.usernameAttributes.joined(separator: ",")),
            ("COGNITO_VERIFIED_ATTRIBUTES", c.verifiedAttributes.joined(separator: ",")),
            ("COGNITO_REQUIRED_ATTRIBUTES", c.requiredAttributes.joined(separator: ",")),
            ("COGNITO_MFA_CONFIGURATION", c.mfaConfiguration),
            ("COGNITO_MFA_METHODS", c.mfaMethods.joined(separator: ",")),
            ("COGNITO_PASSWORD_MIN_LENGTH", String(c.passwordPolicy.minimumLength)),
        ]
        return lines.map { "\($0.0)=\(envValue($0.1))\n" }.joined()
    }

    /// One env value, quoted when needed.
    static func envValue(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.,:/@+=-".contains($0)) }
        if plain { return value }
        var quoted = "\""
        for character in value {
            if "\"\\$`".contains(character) { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "" }
        return text + "\n"
    }
}
