extension MessagingRules {
    /// A phone pool's country, message type and region agree with the identities it lists.
    static let poolConsistency: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .phonePool(let pool) = manifest.spec else { return [] }
            let region = context.region(of: manifest)
            return pool.originationIdentities.value.compactMap { name -> Diagnostic? in
                guard let identity = context.byID[ResourceID(.originationIdentity, name.value)],
                      case .originationIdentity(let spec) = identity.spec else { return nil }
                var problems: [String] = []
                if let country = spec.isoCountryCode, country.value != pool.isoCountryCode.value {
                    problems.append("country \(country.value), not \(pool.isoCountryCode.value)")
                }
                let types = spec.phoneNumber.map { [$0.messageType.value] } ?? spec.senderId?.messageTypes?.value
                    .map(\.value)
                if let types, !types.contains(pool.messageType.value) {
                    problems.append("message type \(types.map(\.rawValue).joined(separator: ", ")), not "
                                    + pool.messageType.value.rawValue)
                }
                if context.region(of: identity) != region {
                    problems.append("\(ValidationContext.describe(context.region(of: identity))), not "
                                    + ValidationContext.describe(region))
                }
                guard !problems.isEmpty else { return nil }
                return .error("pool-mismatch", "OriginationIdentity '\(name.value)' does not fit PhonePool "
                              + "'\(manifest.metadata.name.value)': " + problems.joined(separator: "; "),
                              at: name.location, field: "spec.originationIdentities")
            }
        }
    }
}

/// Rules for `SmsRole` and `SmsLogRole` manifests.
enum RoleRules {
    /// The IAM path is `/` or `/segments/` (`^/(.+/)?$`).
    static let path: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            let path: Located<String>? = switch manifest.spec {
            case .smsRole(let spec): spec.path
            case .smsLogRole(let spec): spec.path
            default: nil
            }
            guard let path else { return nil }
            let value = path.value
            let printable = value.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
            let valid = value == "/" || (value.count > 2 && value.count <= 512 && value.hasPrefix("/")
                                         && value.hasSuffix("/") && printable)
            guard !valid else { return nil }
            return .error("invalid-path", "IAM path '\(value)' must be '/' or start and end with '/' (like "
                          + "/service-role/)", at: path.location, field: "spec.path")
        }
    }

    /// The IAM role name: 1–64 of letters, digits and `+=,.@_-` (IAM's RoleName pattern), checked offline so that
    /// one bad name is an error naming its manifest, not an AWS error blocking every role of the kind.
    static let roleName: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            let name: Located<String>? = switch manifest.spec {
            case .smsRole(let spec): spec.roleName
            case .smsLogRole(let spec): spec.roleName
            default: nil
            }
            guard let name, !Formats.isRoleName(name.value) else { return nil }
            return .error("invalid-role-name", "IAM role name '\(name.value)' must be 1-64 letters, digits or "
                          + "+=,.@_- characters", at: name.location, field: "spec.roleName")
        }
    }

    /// `spec.adopt` of a role kind names the role `spec.roleName` names (by name or ARN): adopting one role while
    /// naming another would create the named one and leave the adopted one alone.
    static let adoptNamesTheRole: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            let pair: (name: Located<String>, adopt: Located<String>?)? = switch manifest.spec {
            case .smsRole(let spec): (spec.roleName, spec.adopt)
            case .smsLogRole(let spec): (spec.roleName, spec.adopt)
            default: nil
            }
            guard let pair, let adopt = pair.adopt else { return nil }
            let adopted = adopt.value.split(separator: "/").last.map(String.init) ?? adopt.value
            guard adopted.lowercased() != pair.name.value.lowercased() else { return nil }
            return .error("adopt-mismatch", "spec.adopt names the role '\(adopted)' but spec.roleName is "
                          + "'\(pair.name.value)': adopt the role the manifest names", at: adopt.location, field: "spec.adopt")
        }
    }
}
