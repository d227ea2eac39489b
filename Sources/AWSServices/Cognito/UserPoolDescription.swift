import Foundation

/// A user pool as DescribeUserPool / CreateUserPool answer it: the verbatim `UserPoolType` plus typed accessors.
public struct UserPoolDescription: Sendable, Equatable {
    /// Every member AWS sent, unchanged.
    public let raw: [String: JSONValue]

    /// Errors reading a pool.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The answer had no `UserPool` object with an `Id`.
        case missingPool

        /// Stable error code.
        public var code: String { "cognito.responseMissingPool" }

        /// What went wrong.
        public var description: String { "Cognito response has no UserPool object with an Id" }
    }

    /// Reads a `UserPoolType` object.
    public init(_ value: JSONValue?) throws {
        guard let members = value?.objectValue, members["Id"]?.stringValue != nil else { throw Failure.missingPool }
        raw = members
    }

    /// Pool id.
    public var id: String { raw["Id"]?.stringValue ?? "" }
    /// Pool name.
    public var name: String { raw["Name"]?.stringValue ?? "" }
    /// Pool ARN.
    public var arn: String? { raw["Arn"]?.stringValue }
    /// Tags (`UserPoolTags`).
    public var tags: [String: String] { raw["UserPoolTags"]?.stringMap ?? [:] }
    /// `OFF`, `ON` or `OPTIONAL`.
    public var mfaConfiguration: String? { raw["MfaConfiguration"]?.stringValue }
    /// `ACTIVE` or `INACTIVE`.
    public var deletionProtection: String? { raw["DeletionProtection"]?.stringValue }
    /// Estimated user count (for warnings before destructive changes).
    public var estimatedNumberOfUsers: Int? { raw["EstimatedNumberOfUsers"]?.intValue }

    /// The members of UpdateUserPoolRequest (botocore cognito-idp 2016-04-18) other than `UserPoolId` and
    /// `PoolName`, which UpdateUserPool resets to defaults when omitted and DescribeUserPool reports under the same name.
    public static let updatableMembers: [String] = [
        "Policies", "DeletionProtection", "LambdaConfig", "AutoVerifiedAttributes", "SmsVerificationMessage",
        "EmailVerificationMessage", "EmailVerificationSubject", "VerificationMessageTemplate", "SmsAuthenticationMessage",
        "UserAttributeUpdateSettings", "MfaConfiguration", "DeviceConfiguration", "EmailConfiguration",
        "SmsConfiguration", "UserPoolTags", "AdminCreateUserConfig", "UserPoolAddOns", "AccountRecoverySetting",
        "UserPoolTier",
    ]

    /// An UpdateUserPoolRequest that changes nothing: every updatable live value carried over verbatim (the pool's
    /// `Name` becomes `PoolName`), ready for the caller to overlay what the manifest manages. `UserPoolTags` is
    /// always present (the live tags without AWS's reserved `aws:` ones, `{}` for none): AWS documents that
    /// UpdateUserPool resets every omitted attribute, so an update without them could strip the ownership tags.
    /// The legacy `AdminCreateUserConfig.UnusedAccountValidityDays` is left out once
    /// `PasswordPolicy.TemporaryPasswordValidityDays` is set (`withoutLegacyValidityDays`).
    public func updateRequest() -> [String: JSONValue] {
        var request: [String: JSONValue] = ["UserPoolId": .string(id)]
        for member in Self.updatableMembers {
            if let value = raw[member], value != .null { request[member] = value }
        }
        if let name = raw["Name"] { request["PoolName"] = name }
        request["UserPoolTags"] = .strings(tags.filter { !$0.key.hasPrefix("aws:") })
        return Self.withoutLegacyValidityDays(request)
    }

    /// `request` (CreateUserPool or UpdateUserPool) without `AdminCreateUserConfig.UnusedAccountValidityDays` when
    /// it sets `Policies.PasswordPolicy.TemporaryPasswordValidityDays`: Cognito refuses the two together
    /// (InvalidParameterException "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of
    /// UnusedAccountValidityDays"; botocore: "When you set TemporaryPasswordValidityDays for a user pool, you can no
    /// longer set a value for the legacy UnusedAccountValidityDays parameter"), though DescribeUserPool reports both.
    public static func withoutLegacyValidityDays(_ request: [String: JSONValue]) -> [String: JSONValue] {
        guard request["Policies"]?["PasswordPolicy"]?["TemporaryPasswordValidityDays"] != nil,
              var admin = request["AdminCreateUserConfig"]?.objectValue,
              admin["UnusedAccountValidityDays"] != nil else { return request }
        var request = request
        admin["UnusedAccountValidityDays"] = nil
        request["AdminCreateUserConfig"] = .object(admin)
        return request
    }
}
