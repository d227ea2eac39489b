/// Rules for where app clients deliver their configuration and secret (`spec.outputs`, `spec.secret`).
enum DeliveryRules {
    /// `spec.secret` names exactly one target, and the client has a secret to deliver.
    static let secretTarget: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .appClient(let spec) = manifest.spec, let secret = spec.secret else { return [] }
            var found: [Diagnostic] = []
            if (secret.secretsManager == nil) == (secret.ssmParameter == nil) {
                found.append(.error("secret-target", "'spec.secret' needs exactly one of 'secretsManager' and "
                                    + "'ssmParameter'", at: secret.location, field: "spec.secret"))
            }
            if spec.generateSecret?.value != true {
                found.append(.error("secret-without-secret", "'spec.secret' delivers the client secret, but the client "
                                    + "has none: set 'spec.generateSecret: true'",
                                    at: spec.generateSecret?.location ?? secret.location, field: "spec.secret"))
            }
            if let key = secret.kmsKeyId, key.value.isEmpty {
                found.append(.error("invalid-kms-key", "'spec.secret.kmsKeyId' must not be empty", at: key.location,
                                    field: "spec.secret.kmsKeyId"))
            }
            return found
        }
    }

    /// Parameter and secret names follow AWS's naming rules.
    static let names: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .appClient(let spec) = manifest.spec else { return [] }
            let parameters = [("spec.outputs.ssmParameter", spec.outputs?.ssmParameter),
                              ("spec.secret.ssmParameter", spec.secret?.ssmParameter)]
            var found = parameters.compactMap { field, name -> Diagnostic? in
                guard let name, let problem = DeliveryNames.parameterProblem(name.value) else { return nil }
                return .error("invalid-parameter-name", "'\(field)' \(problem)", at: name.location, field: field)
            }
            if let name = spec.secret?.secretsManager, let problem = DeliveryNames.secretProblem(name.value) {
                found.append(.error("invalid-secret-name", "'spec.secret.secretsManager' \(problem)",
                                    at: name.location, field: "spec.secret.secretsManager"))
            }
            return found
        }
    }

    /// No two app clients (nor one client's outputs and secret) write the same parameter or secret in a region.
    static let distinctTargets: Validator.Rule = { context in
        var first: [String: (Manifest, String)] = [:]
        var found: [Diagnostic] = []
        for manifest in context.manifests {
            guard case .appClient(let spec) = manifest.spec else { continue }
            let region = context.poolRegion(of: spec) ?? ""
            let targets: [(String, Located<String>?, String)] = [
                ("spec.outputs.ssmParameter", spec.outputs?.ssmParameter, "ssm"),
                ("spec.secret.ssmParameter", spec.secret?.ssmParameter, "ssm"),
                ("spec.secret.secretsManager", spec.secret?.secretsManager, "secretsmanager"),
            ]
            for (field, name, service) in targets {
                guard let name else { continue }
                let key = "\(region)|\(service)|\(name.value)"
                if let (earlier, earlierField) = first[key] {
                    found.append(.error("duplicate-delivery-target", "'\(field)' names \(name.value), which "
                                        + "AppClient '\(earlier.metadata.name.value)' already writes in '\(earlierField)' "
                                        + "(\(earlier.location))", at: name.location, field: field))
                } else {
                    first[key] = (manifest, field)
                }
            }
        }
        return found
    }
}

extension ValidationContext {
    /// The region an app client lives in: its pool's.
    func poolRegion(of spec: AppClientSpec) -> String? {
        byID[ResourceID(.userPool, spec.userPool.value)].flatMap(region(of:)) ?? defaultRegion
    }
}

/// AWS's naming rules for SSM parameters and Secrets Manager secrets (PutParameter `Name`, CreateSecret `Name`).
enum DeliveryNames {
    /// Why `name` is not a valid SSM parameter name, or nil: 1-2048 characters of `a-zA-Z0-9_.-/`; a name with
    /// `/` is a path and starts with `/`, with at most 15 levels; no `aws` or `ssm` prefix (any case).
    static func parameterProblem(_ name: String) -> String? {
        guard (1...2048).contains(name.count) else { return "must be 1-2048 characters" }
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-/".contains($0)) }) else {
            return "may contain only letters, digits and _ . - /, found \"\(name)\""
        }
        if name.contains("/") {
            guard name.hasPrefix("/") else { return "is a path and must start with '/', found \"\(name)\"" }
            guard name.split(separator: "/").count <= 15 else { return "has more than 15 levels" }
        }
        let first = name.split(separator: "/").first.map(String.init)?.lowercased() ?? ""
        if first.hasPrefix("aws") || first.hasPrefix("ssm") {
            return "must not begin with 'aws' or 'ssm' (reserved by AWS), found \"\(name)\""
        }
        return nil
    }

    /// Why `name` is not a valid Secrets Manager secret name, or nil: 1-512 characters of letters, digits and
    /// `/_+=.@-`.
    static func secretProblem(_ name: String) -> String? {
        guard (1...512).contains(name.count) else { return "must be 1-512 characters" }
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/_+=.@-".contains($0)) }) else {
            return "may contain only letters, digits and / _ + = . @ -, found \"\(name)\""
        }
        return nil
    }
}
