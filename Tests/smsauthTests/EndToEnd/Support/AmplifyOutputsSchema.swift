import Foundation
import Testing

/// The `auth` section of Amplify Gen 2's `amplify_outputs.json`, schema version 1.4 (aws-amplify/amplify-backend,
/// packages/client-config/src/client-config-schema/schema_v1.4.json), as far as smsauth writes it: the fields,
/// which are required, and the allowed values. A document is checked against it field by field.
enum AmplifyOutputsSchema {
    /// Top-level members the schema allows (`additionalProperties: false`) and the required one.
    static let topLevel: Set<String> = ["$schema", "version", "analytics", "auth", "data", "geo", "notifications",
                                        "storage", "custom"]
    /// `auth` members the schema allows.
    static let authMembers: Set<String> = [
        "aws_region", "user_pool_id", "user_pool_client_id", "identity_pool_id", "password_policy", "oauth",
        "standard_required_attributes", "username_attributes", "user_verification_types",
        "unauthenticated_identities_enabled", "mfa_configuration", "mfa_methods", "passwordless", "groups",
    ]
    /// `auth` members the schema requires.
    static let authRequired: Set<String> = ["aws_region", "user_pool_id", "user_pool_client_id"]
    /// `password_policy` members, all required.
    static let passwordPolicy: Set<String> = ["min_length", "require_numbers", "require_lowercase", "require_uppercase",
                                              "require_symbols"]
    /// `amazon_cognito_standard_attributes`.
    static let standardAttributes: Set<String> = [
        "address", "birthdate", "email", "family_name", "gender", "given_name", "locale", "middle_name", "name",
        "nickname", "phone_number", "picture", "preferred_username", "profile", "sub", "updated_at", "website",
        "zoneinfo",
    ]

    /// Every way `text` breaks the schema (empty when it follows it).
    static func violations(of text: String) -> [String] {
        guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return ["not a JSON object"]
        }
        var found: [String] = []
        found += Set(document.keys).subtracting(topLevel).map { "unknown member \($0)" }
        if document["version"] as? String != "1.4" { found.append("version is not the const \"1.4\"") }
        guard let auth = document["auth"] as? [String: Any] else { return found + ["no auth object"] }
        found += Set(auth.keys).subtracting(authMembers).map { "unknown auth member \($0)" }
        found += authRequired.subtracting(auth.keys).map { "missing auth.\($0)" }
        for key in ["aws_region", "user_pool_id", "user_pool_client_id"] where auth[key] != nil && !(auth[key] is String) {
            found.append("auth.\(key) is not a string")
        }
        if let policy = auth["password_policy"] {
            guard let policy = policy as? [String: Any], Set(policy.keys) == passwordPolicy else {
                return found + ["auth.password_policy members are not exactly \(passwordPolicy.sorted())"]
            }
            if let length = policy["min_length"] as? Int, !(6...99).contains(length) { found.append("min_length out of 6-99") }
            if !(policy["min_length"] is Int) { found.append("min_length is not an integer") }
            for key in passwordPolicy where key != "min_length" && !(policy[key] is Bool) {
                found.append("password_policy.\(key) is not a boolean")
            }
        }
        found += enumList(auth, "standard_required_attributes", standardAttributes, unique: true, minItems: 0)
        found += enumList(auth, "username_attributes", ["email", "phone_number", "username"], unique: true, minItems: 1)
        found += enumList(auth, "user_verification_types", ["email", "phone_number"], unique: false, minItems: 0)
        found += enumList(auth, "mfa_methods", ["SMS", "TOTP", "EMAIL"], unique: false, minItems: 0)
        if let mode = auth["mfa_configuration"], !["NONE", "OPTIONAL", "REQUIRED"].contains(mode as? String ?? "") {
            found.append("mfa_configuration \(mode) is not NONE, OPTIONAL or REQUIRED")
        }
        return found
    }

    /// Checks an array of enumerated strings.
    private static func enumList(_ auth: [String: Any], _ key: String, _ allowed: Set<String>, unique: Bool,
                                 minItems: Int) -> [String] {
        guard let value = auth[key] else { return [] }
        guard let items = value as? [String] else { return ["auth.\(key) is not an array of strings"] }
        var found = items.filter { !allowed.contains($0) }.map { "auth.\(key) has \($0), not one of \(allowed.sorted())" }
        if unique, Set(items).count != items.count { found.append("auth.\(key) repeats items") }
        if items.count < minItems { found.append("auth.\(key) has fewer than \(minItems) items") }
        return found
    }
}
