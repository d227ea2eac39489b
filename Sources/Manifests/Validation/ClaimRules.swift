/// Two manifests must never manage one AWS resource: each would undo the other's changes, and removing one would
/// delete what the other still describes. Each kind's definition (`KindDefinition.claims`) names its AWS identity, as
/// the reconciler finds the resource; a kind that claims nothing there is kept unique by a rule of its own.
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
        // Each claim's first claimant by position, not by a copy of its manifest (the controller validates the
        // whole folder on every change).
        var first: [String: (position: Int, claim: Claim)] = [:]
        return context.manifests.indices.flatMap { position in
            let manifest = context.manifests[position]
            return claims(of: manifest, context: context).compactMap { claim -> Diagnostic? in
                guard let (earlierPosition, earlierClaim) = first[claim.key] else {
                    first[claim.key] = (position, claim)
                    return nil
                }
                let earlier = context.manifests[earlierPosition]
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
        var list = ClaimList(manifest: manifest, context: context)
        manifest.kind.definition.claims(manifest.spec, &list)
        return list.claims
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

/// The AWS resources one manifest claims, as its kind's definition adds them: each once, in the order added.
struct ClaimList {
    /// The manifest making the claims.
    let manifest: Manifest
    /// Every manifest, and the default region.
    let context: ValidationContext
    /// The manifest's region in words ("region us-east-1", "the default region").
    let region: String
    /// The manifest's region as part of a key (empty for the default region).
    let scope: String
    /// The claims so far.
    private(set) var claims: [ClaimRules.Claim] = []

    /// The claims of `manifest`, none yet.
    init(manifest: Manifest, context: ValidationContext) {
        self.manifest = manifest
        self.context = context
        region = ValidationContext.describe(context.region(of: manifest))
        scope = context.region(of: manifest) ?? ""
    }

    /// Claims the AWS resource `key` ("resource" in words) through `field`, whose value is `value`; nothing when
    /// the manifest claims it already.
    mutating func add(_ key: String, _ resource: String, _ field: String, _ value: Located<String>) {
        guard !claims.contains(where: { $0.key == key }) else { return }
        claims.append(ClaimRules.Claim(key: key, resource: resource, field: field, location: value.location))
    }

    /// Claims an IAM role: its name, and the role `adopt` names.
    mutating func addRole(_ roleName: Located<String>, adopt: Located<String>?) {
        add("iam-role:" + roleName.value.lowercased(), "IAM role '\(roleName.value)'", "spec.roleName", roleName)
        if let adopt {
            let name = ClaimRules.lastPathPart(adopt.value)
            add("iam-role:" + name.lowercased(), "IAM role '\(name)'", "spec.adopt", adopt)
        }
    }
}
