import AWSServices
import Testing

/// Field-by-field comparison of live Cognito and IAM state with what a `CognitoExample`'s manifests say.
enum LiveExpectations {
    /// The ownership tags smsauth puts on `Kind/name`.
    static func ownership(_ address: String, owner: String? = nil) -> [String: String] {
        var tags = ["smsauth:managed-by": "smsauth", "smsauth:resource": address]
        tags["smsauth:owner"] = owner
        return tags
    }

    /// The owner the settings document (`smsauth.yaml`) of the repository folder `folder` names, if any.
    static func settingsOwner(of folder: String) -> String? {
        let file = ExamplesValidateTests.root.appendingPathComponent(folder).appendingPathComponent("smsauth.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").lazy.compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("owner:") else { return nil }
            return trimmed.dropFirst("owner:".count).trimmingCharacters(in: .whitespaces)
        }.first
    }

    /// `value` with every array of strings sorted (Cognito keeps lists such as auth flows as sets).
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .array(items):
            let strings = items.compactMap(\.stringValue)
            if strings.count == items.count { return .strings(strings.sorted()) }
            return .array(items.map(normalized))
        case let .object(members): return .object(members.mapValues(normalized))
        default: return value
        }
    }

    /// Expects every member of `expected` in `live`, one `#expect` per member.
    static func expectMembers(_ expected: [String: JSONValue], in live: [String: JSONValue], _ what: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
            let actual = live[key].map(normalized)
            #expect(actual == normalized(value), "\(what).\(key)", sourceLocation: sourceLocation)
        }
    }

    /// The SmsConfiguration members pointing at `roleArn`.
    static func smsConfiguration(roleArn: String, externalId: String) -> JSONValue {
        ["SnsCallerArn": .string(roleArn), "ExternalId": .string(externalId)]
    }

    /// The pool, its client and its MFA configuration against `example` (role renamed `roleName`).
    static func expectCognito(_ example: CognitoExample, roleName: String, context: EndToEndContext) async throws {
        let pool = try await context.ownedPool(named: example.poolResource)
        let sms = smsConfiguration(roleArn: example.roleArn(roleName), externalId: example.externalId)
        var poolMembers = example.pool
        poolMembers["SmsConfiguration"] = sms
        let tags = (example.pool["UserPoolTags"]?.stringMap ?? [:])
            .merging(ownership("UserPool/\(example.poolResource)", owner: settingsOwner(of: example.folder))) { $1 }
        poolMembers["UserPoolTags"] = .strings(tags)
        expectMembers(poolMembers, in: pool.raw, "UserPool")
        if example.folder.hasSuffix("phone-verification-only") {
            let custom = pool.raw["SchemaAttributes"]?.arrayValue?.first { $0["Name"]?.stringValue == "custom:team" }
            #expect(custom?["AttributeDataType"]?.stringValue == "String")
            #expect(custom?["Mutable"]?.boolValue == true)
            #expect(custom?["StringAttributeConstraints"] == ["MinLength": "1", "MaxLength": "64"])
        }

        let client = try await context.client(named: example.client["ClientName"]?.stringValue ?? "", in: pool.id)
        expectMembers(example.client, in: client.raw, "AppClient")
        #expect(client.raw["ClientSecret"] == nil)

        var mfa = example.mfa
        if example.smsMfa {
            mfa["SmsMfaConfiguration"] = ["SmsAuthenticationMessage": example.pool["SmsAuthenticationMessage"] ?? .null,
                                          "SmsConfiguration": sms]
        }
        let liveMfa = try await context.cognito.getUserPoolMfaConfig(poolId: pool.id).objectValue ?? [:]
        expectMembers(mfa, in: liveMfa, "MfaConfig")
        if !example.smsMfa { #expect(liveMfa["SmsMfaConfiguration"] == nil) }
    }

    /// The role against `example`: path, description, session, boundary, tags, trust policy and inline policy.
    static func expectRole(_ example: CognitoExample, roleName: String, context: EndToEndContext) async throws {
        let role = try #require(try await context.iam.getRole(name: roleName))
        #expect(role.path == example.rolePath)
        #expect(role.arn == example.roleArn(roleName))
        #expect(role.description == example.roleDescription)
        #expect(role.maxSessionDuration == example.maxSessionDuration)
        #expect(role.permissionsBoundaryArn == example.permissionsBoundaryArn)
        #expect(role.tags == example.roleTags.merging(ownership("SmsRole/\(example.roleResource)", owner: settingsOwner(of: example.folder))) { $1 })
        #expect(role.assumeRolePolicy == trustPolicy(externalId: example.externalId))
        let names = try await context.iam.listRolePolicies(roleName: roleName)
        #expect(names.count == 1)
        let inline = try await context.iam.getRolePolicy(roleName: roleName, policyName: names.first ?? "")
        #expect(inline == PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
        ]))
    }

    /// The trust policy every SMS role must have: cognito-idp may assume it with the external id, from this account.
    static func trustPolicy(externalId: String) -> PolicyDocument {
        PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
                "Condition": ["StringEquals": ["sts:ExternalId": .string(externalId),
                                               "aws:SourceAccount": "123456789012"]],
            ]],
        ])
    }
}
