import AWSServices
import Testing

/// A Cognito example folder and what its manifests say, transcribed field by field into the shapes AWS answers
/// with (DescribeUserPool, DescribeUserPoolClient, GetUserPoolMfaConfig, GetRole), so the live state can be compared
/// with them by a reader that shares no code with smsauth's handlers.
struct CognitoExample: Sendable, CustomTestStringConvertible {
    /// Folder relative to the repository.
    var folder: String
    /// The region the test runs it in (its own: pools are found by tags within a region).
    var region: String
    /// `spec.region` in the manifests, rewritten to `region` (nil: the manifests take `AWS_REGION`).
    var manifestRegion: String?
    /// `roleName` in the manifest (rewritten with a per-test suffix).
    var roleName: String
    /// `spec.path` of the role.
    var rolePath: String
    /// `spec.externalId` of the role.
    var externalId: String
    /// `spec.description` of the role.
    var roleDescription: String
    /// `spec.maxSessionDurationSeconds` of the role (IAM's default 3600 when unset).
    var maxSessionDuration: Int
    /// `spec.permissionsBoundaryArn` of the role.
    var permissionsBoundaryArn: String?
    /// `spec.tags` of the role (without the ownership tags).
    var roleTags: [String: String]
    /// `metadata.name` of the SmsRole.
    var roleResource: String
    /// `metadata.name` of the UserPool.
    var poolResource: String
    /// `metadata.name` of the AppClient.
    var clientResource: String
    /// `metadata.name` of the MfaPolicy.
    var mfaResource: String
    /// DescribeUserPool members the manifests set (SmsConfiguration and the ownership tags are added by the test).
    var pool: [String: JSONValue]
    /// DescribeUserPoolClient members the AppClient manifest sets.
    var client: [String: JSONValue]
    /// GetUserPoolMfaConfig members the MfaPolicy sets (SmsConfiguration is added by the test when SMS is on).
    var mfa: [String: JSONValue]
    /// Whether SMS MFA is on (then GetUserPoolMfaConfig carries the pool's SmsConfiguration).
    var smsMfa: Bool

    /// The folder, as the test case's name.
    var testDescription: String { folder }

    /// The substitutions that give a copy of the folder its own region and role name `role`.
    func substitutions(role: String) -> [(String, String)] {
        var list = [("roleName: \(roleName)\n", "roleName: \(role)\n")]
        if let manifestRegion { list.append(("region: \(manifestRegion)\n", "region: \(region)\n")) }
        return list
    }

    /// The role's ARN once renamed.
    func roleArn(_ name: String) -> String { "arn:aws:iam::123456789012:role\(rolePath)\(name)" }

    /// The four Cognito examples, each in a region no other test uses.
    static let all: [CognitoExample] = [phoneUsername, optionalMfa, verificationOnly, defaultManifests]

    /// The token validity members, in minutes (smsauth sends the units as minutes).
    static func tokens(access: Int, id: Int, refresh: Int) -> [String: JSONValue] {
        ["AccessTokenValidity": .number(Double(access)), "IdTokenValidity": .number(Double(id)),
         "RefreshTokenValidity": .number(Double(refresh)),
         "TokenValidityUnits": ["AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "minutes"]]
    }

    /// A password policy.
    static func password(_ length: Int, upper: Bool, lower: Bool, numbers: Bool, symbols: Bool, days: Int) -> JSONValue {
        ["PasswordPolicy": ["MinimumLength": .number(Double(length)), "RequireUppercase": .bool(upper),
                            "RequireLowercase": .bool(lower), "RequireNumbers": .bool(numbers),
                            "RequireSymbols": .bool(symbols), "TemporaryPasswordValidityDays": .number(Double(days))]]
    }

    /// Recovery mechanisms in priority order.
    static func recovery(_ names: [String]) -> JSONValue {
        ["RecoveryMechanisms": .array(names.enumerated().map { index, name in
            ["Priority": .number(Double(index + 1)), "Name": .string(name)]
        })]
    }

    /// `examples/phone-username-mfa-required`.
    static let phoneUsername = CognitoExample(
        folder: "examples/phone-username-mfa-required", region: "ap-northeast-1", manifestRegion: "us-east-1",
        roleName: "cognito_sns_iam_role",
        rolePath: "/service-role/", externalId: "553db6b9-d149-4d1c-aad1-adf15739e57c",
        roleDescription: "Lets the Qnatime.com user pool publish SMS through SNS", maxSessionDuration: 3600,
        permissionsBoundaryArn: nil, roleTags: ["Team": "Dev"],
        roleResource: "qnatime-sms", poolResource: "qnatime", clientResource: "signup", mfaResource: "qnatime-mfa",
        pool: [
            "Name": "Qnatime.com User Pool", "UserPoolTags": ["Team": "Dev"], "UsernameAttributes": ["phone_number"],
            "UsernameConfiguration": ["CaseSensitive": false], "AutoVerifiedAttributes": ["phone_number"],
            "SmsVerificationMessage": "Your verification code from qnatime.com is {####}.",
            "Policies": password(8, upper: true, lower: true, numbers: true, symbols: true, days: 7),
            "AdminCreateUserConfig": [
                "AllowAdminCreateUserOnly": false,
                "InviteMessageTemplate": ["SMSMessage": "Your username for qnatime.com is {username} and password is {####}."],
            ],
            "AccountRecoverySetting": recovery(["verified_phone_number"]), "DeletionProtection": "ACTIVE",
            "MfaConfiguration": "ON", "SmsAuthenticationMessage": "Your qnatime.com authentication code is {####}.",
        ],
        client: [
            "ClientName": "user-pool-client-signup", "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"],
            "ReadAttributes": ["phone_number"], "WriteAttributes": ["phone_number"],
            "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
        ].merging(tokens(access: 60, id: 60, refresh: 43200)) { $1 },
        mfa: ["MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": ["Enabled": true]],
        smsMfa: true)

    /// `examples/optional-mfa-totp-sms-trusted-devices`.
    static let optionalMfa = CognitoExample(
        folder: "examples/optional-mfa-totp-sms-trusted-devices", region: "ap-northeast-2", manifestRegion: "ap-southeast-1",
        roleName: "ledger-cognito-sms",
        rolePath: "/service-role/", externalId: "3d9decb5-995c-4cd4-a5ea-3597db65fbf1",
        roleDescription: "Lets the Ledger user pool send MFA and verification codes by SMS", maxSessionDuration: 3600,
        permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/workload-boundary", roleTags: ["Team": "Platform"],
        roleResource: "ledger-sms", poolResource: "ledger", clientResource: "ledger-web", mfaResource: "ledger-mfa",
        pool: [
            "Name": "Ledger users", "UserPoolTags": ["Team": "Platform"], "UsernameAttributes": ["email"], "UsernameConfiguration": ["CaseSensitive": false],
            "AutoVerifiedAttributes": ["email", "phone_number"],
            "SmsVerificationMessage": "Your Ledger verification code is {####}",
            "EmailVerificationSubject": "Verify your Ledger account",
            "EmailVerificationMessage": "Your Ledger verification code is {####}",
            "Policies": password(12, upper: true, lower: true, numbers: true, symbols: true, days: 7),
            "AccountRecoverySetting": recovery(["verified_email", "verified_phone_number"]),
            "DeletionProtection": "ACTIVE", "MfaConfiguration": "OPTIONAL",
            "SmsAuthenticationMessage": "Your Ledger sign-in code is {####}. It expires in 3 minutes.",
            "DeviceConfiguration": ["ChallengeRequiredOnNewDevice": true, "DeviceOnlyRememberedOnUserPrompt": false],
        ],
        client: [
            "ClientName": "ledger-web", "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
            "ReadAttributes": ["email", "phone_number"], "WriteAttributes": ["email", "phone_number"],
            "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
        ].merging(tokens(access: 60, id: 60, refresh: 43200)) { $1 },
        mfa: ["MfaConfiguration": "OPTIONAL", "SoftwareTokenMfaConfiguration": ["Enabled": true]],
        smsMfa: true)

    /// `examples/phone-verification-only`.
    static let verificationOnly = CognitoExample(
        folder: "examples/phone-verification-only", region: "ap-northeast-3", manifestRegion: "eu-west-1",
        roleName: "fieldnotes-cognito-sms",
        rolePath: "/", externalId: "69e50de3-1603-41b9-b44d-75eaff012e3b",
        roleDescription: "Lets the Fieldnotes user pool send verification codes by SMS", maxSessionDuration: 3600,
        permissionsBoundaryArn: nil, roleTags: ["Team": "Mobile"],
        roleResource: "fieldnotes-sms", poolResource: "fieldnotes", clientResource: "fieldnotes-mobile",
        mfaResource: "fieldnotes-mfa",
        pool: [
            "Name": "Fieldnotes users", "UserPoolTags": ["Team": "Mobile"], "AliasAttributes": ["email"], "UsernameConfiguration": ["CaseSensitive": false],
            "AutoVerifiedAttributes": ["phone_number"], "SmsVerificationMessage": "Your verification code is {####}",
            "Policies": password(10, upper: true, lower: true, numbers: true, symbols: false, days: 3),
            "AccountRecoverySetting": recovery(["verified_phone_number", "verified_email"]),
            "DeletionProtection": "ACTIVE", "MfaConfiguration": "OFF",
        ],
        client: [
            "ClientName": "fieldnotes-mobile", "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
            "ReadAttributes": ["custom:team", "email", "phone_number"], "WriteAttributes": ["email", "phone_number"],
            "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
        ].merging(tokens(access: 30, id: 30, refresh: 129_600)) { $1 },
        mfa: ["MfaConfiguration": "OFF"],
        smsMfa: false)

    /// The default `manifests/` set.
    static let defaultManifests = CognitoExample(
        folder: "manifests", region: "ap-east-1", manifestRegion: nil,
        roleName: "smsauth-demo-cognito-sms",
        rolePath: "/service-role/", externalId: "5893f8da-377e-43b2-a8d4-60ce673e8f8f",
        roleDescription: "Lets the smsauth demo user pool publish SMS through SNS", maxSessionDuration: 3600,
        permissionsBoundaryArn: nil, roleTags: ["Team": "Dev"],
        roleResource: "cognito-sms", poolResource: "demo", clientResource: "web", mfaResource: "demo-mfa",
        pool: [
            "Name": "smsauth demo users", "UserPoolTags": ["Team": "Dev"], "UsernameAttributes": ["phone_number"],
            "UsernameConfiguration": ["CaseSensitive": false], "AutoVerifiedAttributes": ["phone_number"],
            "SmsVerificationMessage": "Your demo verification code is {####}",
            "Policies": password(8, upper: true, lower: true, numbers: true, symbols: false, days: 7),
            "AdminCreateUserConfig": [
                "AllowAdminCreateUserOnly": false,
                "InviteMessageTemplate": ["SMSMessage": "Your demo username is {username} and your temporary password is {####}"],
            ],
            "AccountRecoverySetting": recovery(["verified_phone_number"]), "DeletionProtection": "INACTIVE",
            "MfaConfiguration": "OPTIONAL", "SmsAuthenticationMessage": "Your demo sign-in code is {####}",
            "DeviceConfiguration": ["ChallengeRequiredOnNewDevice": false, "DeviceOnlyRememberedOnUserPrompt": true],
        ],
        client: [
            "ClientName": "demo-web",
            "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"],
            "ReadAttributes": ["phone_number"], "WriteAttributes": ["phone_number"],
            "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
        ].merging(tokens(access: 60, id: 60, refresh: 43200)) { $1 },
        mfa: ["MfaConfiguration": "OPTIONAL", "SoftwareTokenMfaConfiguration": ["Enabled": true]],
        smsMfa: true)
}
