import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Hand-built plan inputs for UserPoolHandler tests.
enum UserPoolFixtures {
    /// The SMS role the fixtures refer to and its outputs.
    static let role = ResourceAddress(kind: .smsRole, name: "cognito-sms")
    static let roleOutputs = ["arn": "arn:aws:iam::123456789012:role/service-role/sms", "externalId": "ext-1"]
    static let address = ResourceAddress(kind: .userPool, name: "qnatime")

    /// A manifest setting every managed field (MANIFESTS.md's example), with `extra` appended to `spec`, and
    /// `policy` lines, e.g. "onImmutableChange: Recreate".
    static func yaml(spec replacements: [String: String] = [:], extra: String = "", policy: String = "") -> String {
        var fields: [(String, String)] = [
            ("poolName", "Qnatime.com User Pool"),
            ("usernameAttributes", "[phone_number]"),
            ("usernameCaseSensitive", "false"),
            ("autoVerifiedAttributes", "[phone_number]"),
            ("smsRole", "cognito-sms"),
            ("smsRegion", "us-east-1"),
            ("verificationMessages", "{sms: 'Your code is {####}.', emailSubject: Your code, email: 'Code {####}'}"),
            ("passwordPolicy", "{minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7}"),
            ("adminCreateUser", "{allowAdminCreateUserOnly: false, inviteSmsMessage: 'You are {username}, password {####}.'}"),
            ("customAttributes", "[{name: tenant, type: String, mutable: true, minLength: 1, maxLength: 64}]"),
            ("accountRecovery", "[verified_phone_number, verified_email]"),
            ("deletionProtection", "true"),
            ("tags", "{Team: Dev}"),
        ]
        fields = fields.compactMap { key, value in
            guard let replacement = replacements[key] else { return (key, value) }
            return replacement.isEmpty ? nil : (key, replacement)
        }
        let spec = (["  region: us-east-1"] + fields.map { "  \($0.0): \($0.1)" }).joined(separator: "\n")
        let policyBlock = policy.isEmpty ? "" : "policy:\n  \(policy)\n"
        return """
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: qnatime}
        spec:
        \(spec)
        \(extra)
        \(policyBlock)
        """
    }

    /// The UserPool manifest in `yaml` (other documents are ignored).
    static func manifest(_ yaml: String) throws -> Manifest {
        let result = ManifestLoader().load(text: yaml, file: "pool.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        return try #require(result.manifests.first { $0.kind == .userPool })
    }

    /// The desired resource of `yaml` (region from the spec, else us-east-1).
    static func desired(_ yaml: String) throws -> DesiredResource {
        let manifest = try manifest(yaml)
        var dependencies: [ResourceAddress] = []
        if case let .userPool(spec) = manifest.spec, let role = spec.smsRole {
            dependencies.append(ResourceAddress(kind: .smsRole, name: role.value))
        }
        return DesiredResource(manifest: manifest, region: manifest.spec.region?.value ?? "us-east-1",
                               dependencies: dependencies)
    }

    /// A pool as DescribeUserPool would show it right after CreateUserPool with `request` (moto's shape:
    /// `PoolName` → `Name`, `Schema` → `SchemaAttributes` with the `custom:` prefix, defaults filled in).
    static func pool(createdBy request: JSONValue, id: String = "us-east-1_abc", users: Int? = 0,
                     extra: [String: JSONValue] = [:]) throws -> UserPoolDescription {
        var raw = request.objectValue ?? [:]
        raw["Name"] = raw.removeValue(forKey: "PoolName")
        let schema = (raw.removeValue(forKey: "Schema")?.arrayValue ?? []).map { attribute -> JSONValue in
            var members = attribute.objectValue ?? [:]
            members["Name"] = .string("custom:" + (members["Name"]?.stringValue ?? ""))
            members["DeveloperOnlyAttribute"] = false
            members["Required"] = false
            return .object(members)
        }
        raw["SchemaAttributes"] = .array([["Name": "sub", "AttributeDataType": "String", "Mutable": false]] + schema)
        raw["Id"] = .string(id)
        raw["Arn"] = .string("arn:aws:cognito-idp:us-east-1:123456789012:userpool/\(id)")
        raw["MfaConfiguration"] = raw["MfaConfiguration"] ?? "OFF"
        raw["DeletionProtection"] = raw["DeletionProtection"] ?? "INACTIVE"
        raw["EstimatedNumberOfUsers"] = users.map { .number(Double($0)) }
        for (key, value) in extra { raw[key] = value }
        return try UserPoolDescription(.object(raw.filter { $0.value != .null }))
    }

    /// The pool made from `yaml`'s manifest.
    static func pool(for yaml: String, users: Int? = 0, extra: [String: JSONValue] = [:]) throws -> UserPoolDescription {
        let desired = try desired(yaml)
        let spec = try #require(UserPoolHandler.spec(desired))
        let sms = UserPoolSmsSettings.resolve(spec, roleOutputs: roleOutputs)
        return try pool(createdBy: UserPoolRequestBuilder(address: desired.address, spec: spec, sms: sms, owner: nil).create(),
                        users: users, extra: extra)
    }

    /// A plan input.
    static func input(_ desired: DesiredResource?, live: LiveState<UserPoolDescription>,
                      deletePolicy: DeletePolicy = .retain,
                      references: [ResourceAddress: [String: String]] = [role: roleOutputs]) -> PlanInput<UserPoolDescription> {
        PlanInput(address: address, desired: desired, live: live, status: nil, references: references,
                  dependencyActions: [:], deletePolicy: deletePolicy, options: PlanOptions(account: "123456789012"))
    }

    /// The plan of `yaml` against `live`.
    static func plan(_ yaml: String, live: LiveState<UserPoolDescription>) throws -> ResourceChange {
        try UserPoolHandler().plan(input(try desired(yaml), live: live))
    }
}
