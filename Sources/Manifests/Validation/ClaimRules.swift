/// Two manifests must never manage one AWS resource: each would undo the other's changes, and removing one would
/// delete what the other still describes. Every kind's AWS identity, as the reconciler finds the resource:
/// - SmsRole and SmsLogRole: the IAM role name (`spec.roleName`, and the role `spec.adopt` names), account-wide and,
///   as IAM compares role names, regardless of case (an SmsRole and an SmsLogRole never share a role);
/// - UserPool: `spec.poolName` in its region, and the pool id `spec.adopt` names;
/// - AppClient: `spec.clientName` in its `spec.userPool`;
/// - SandboxNumber: `spec.phoneNumber` in its region's sandbox of its service (SNS or End User Messaging);
/// - OriginationIdentity: the sender ID and country of `spec.senderId` in its region, and the number or sender ID
///   `spec.adopt` names (a phone number to request has no identity before it is bought);
/// - PhonePool: the pool `spec.adopt` names (a new pool has no identity before it is created);
/// - MfaPolicy: its user pool, and SmsAccountSettings: its region (`MfaRules.onePerPool`,
///   `MessagingRules.accountSettingsPerRegion`).
enum ClaimRules {
    /// One AWS resource a manifest claims.
    struct Claim {
        /// Equal for claims of the same AWS resource.
        let key: String
        /// The resource in words: "IAM role 'sms'".
        let resource: String
        /// The field that makes the claim.
        let field: String
        /// Where that field's value is written.
        let location: SourceLocation
    }

    /// No two manifests claim the same AWS resource.
    static let uniqueClaims: Validator.Rule = { context in
        var first: [String: (Manifest, Claim)] = [:]
        return context.manifests.flatMap { manifest in
            claims(of: manifest, context: context).compactMap { claim -> Diagnostic? in
                guard let (earlier, earlierClaim) = first[claim.key] else {
                    first[claim.key] = (manifest, claim)
                    return nil
                }
                return .error("duplicate-claim", "\(manifest.kind.rawValue) '\(manifest.metadata.name.value)' "
                              + "claims \(claim.resource), already claimed by \(earlier.kind.rawValue) "
                              + "'\(earlier.metadata.name.value)' (\(earlierClaim.field) at \(earlierClaim.location)): "
                              + "one AWS resource can be managed by one manifest only",
                              at: claim.location, field: claim.field)
            }
        }
    }

    /// The AWS resources `manifest` claims, each once.
    static func claims(of manifest: Manifest, context: ValidationContext) -> [Claim] {
        let region = ValidationContext.describe(context.region(of: manifest))
        let scope = context.region(of: manifest) ?? ""
        var claims: [Claim] = []
        func claim(_ key: String, _ resource: String, _ field: String, _ value: Located<String>) {
            guard !claims.contains(where: { $0.key == key }) else { return }
            claims.append(Claim(key: key, resource: resource, field: field, location: value.location))
        }
        switch manifest.spec {
        case .smsRole(let s):
            claimRole(s.roleName, adopt: s.adopt, claim)
        case .smsLogRole(let s):
            claimRole(s.roleName, adopt: s.adopt, claim)
        case .configurationSet(let s):
            claim("configuration-set:\(scope)/\(s.name.value)", "the configuration set named '\(s.name.value)' in "
                  + region, "spec.name", s.name)
        case .smsProtection(let s):
            if let isDefault = s.accountDefault, isDefault.value {
                claim("protect-account-default:\(scope)", "the account default protect configuration in " + region,
                      "spec.accountDefault", Located("true", at: isDefault.location))
            }
            for set in s.configurationSets?.value ?? [] {
                claim("protect-configuration-set:\(scope)/\(set.value)", "the protect configuration of "
                      + "ConfigurationSet '\(set.value)'", "spec.configurationSets", set)
            }
        case .userPool(let s):
            claim("user-pool-name:\(scope)/\(s.poolName.value)", "the user pool named '\(s.poolName.value)' in "
                  + region, "spec.poolName", s.poolName)
            if let adopt = s.adopt {
                let id = lastPathPart(adopt.value)
                claim("user-pool:" + id, "user pool \(id)", "spec.adopt", adopt)
            }
        case .appClient(let s):
            claim("app-client:\(s.userPool.value)/\(s.clientName.value)", "the app client named "
                  + "'\(s.clientName.value)' of UserPool '\(s.userPool.value)'", "spec.clientName", s.clientName)
        case .sandboxNumber(let s):
            let service = context.sandboxService(of: manifest, s)
            claim("sandbox-number:\(scope)/\(service?.rawValue ?? "?")/\(s.phoneNumber.value)",
                  "sandbox number \(s.phoneNumber.value) in the \(service.map(SandboxService.sandboxName) ?? "sandbox") of \(region)",
                  "spec.phoneNumber", s.phoneNumber)
        case .originationIdentity(let s):
            if let sender = s.senderId {
                claim("sender-id:\(scope)/\(sender.senderId.value)/\(sender.isoCountryCode.value)",
                      "sender ID \(sender.senderId.value) for \(sender.isoCountryCode.value) in \(region)",
                      "spec.senderId.senderId", sender.senderId)
            }
            if let adopt = s.adopt {
                if let (senderId, country) = senderIdAndCountry(ofArn: adopt.value) {
                    claim("sender-id:\(scope)/\(senderId)/\(country)",
                          "sender ID \(senderId) for \(country) in \(region)", "spec.adopt", adopt)
                } else {
                    let id = lastPathPart(adopt.value)
                    claim("origination:\(scope)/\(id)", "origination identity \(id) in \(region)", "spec.adopt", adopt)
                }
            }
        case .phonePool(let s):
            if let adopt = s.adopt {
                let id = lastPathPart(adopt.value)
                claim("phone-pool:\(scope)/\(id)", "phone pool \(id) in \(region)", "spec.adopt", adopt)
            }
        case .mfaPolicy, .smsAccountSettings:
            break
        }
        return claims
    }

    /// The claims of an IAM role: its name, and the role `adopt` names.
    private static func claimRole(_ roleName: Located<String>, adopt: Located<String>?,
                                  _ claim: (String, String, String, Located<String>) -> Void) {
        claim("iam-role:" + roleName.value.lowercased(), "IAM role '\(roleName.value)'", "spec.roleName", roleName)
        if let adopt {
            let name = lastPathPart(adopt.value)
            claim("iam-role:" + name.lowercased(), "IAM role '\(name)'", "spec.adopt", adopt)
        }
    }

    /// The id or name an ARN ends with (the text after its last `/`), or the text itself when it has no `/`.
    static func lastPathPart(_ text: String) -> String {
        guard text.hasPrefix("arn:"), let slash = text.lastIndex(of: "/") else { return text }
        return String(text[text.index(after: slash)...])
    }

    /// The SenderId and country of a sender ID ARN (`…:sender-id/<SenderId>/<country>`), else nil.
    static func senderIdAndCountry(ofArn arn: String) -> (String, String)? {
        guard arn.hasPrefix("arn:"), let marker = arn.range(of: ":sender-id/") else { return nil }
        let parts = arn[marker.upperBound...].split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
