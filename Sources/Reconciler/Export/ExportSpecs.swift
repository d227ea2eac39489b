import AWSServices
import Manifests

/// The specs `smsauth export` writes, from live AWS resources (pure): every field smsauth manages at its live
/// value, read through the same readers the plan compares with, so that the exported manifest plans no change
/// but the adoption. Secrets are never read, so never written.
enum ExportSpecs {
    /// How an exported pool names its SMS role: an exported SmsRole manifest, or the role's ARN and external id.
    enum PoolRole: Sendable, Equatable {
        /// `spec.smsRole: <name>`.
        case manifest(String)
        /// `spec.smsRoleArn` and `spec.smsExternalId`.
        case arn
    }

    /// A UserPool spec adopting `pool` (in `region`).
    static func userPool(_ pool: UserPoolDescription, region: String, role: PoolRole?) -> [ExportField] {
        let live = LiveUserPool(pool: pool)
        var spec = [ExportField("adopt", .string(pool.id)), ExportField("region", .string(region))]
        spec += fields(["poolName"], { live.value(at: $0) })
        for path in ["usernameAttributes", "aliasAttributes"] {
            if case .list(let values) = live.value(at: path), !values.isEmpty { spec += fields([path], { live.value(at: $0) }) }
        }
        spec += fields(["usernameCaseSensitive"], { live.value(at: $0) })
        if case .list(let values) = live.value(at: "autoVerifiedAttributes"), !values.isEmpty {
            spec += fields(["autoVerifiedAttributes"], { live.value(at: $0) })
        }
        switch role {
        case .manifest(let name)?: spec.append(ExportField("smsRole", .string(name)))
        case .arn?: spec += fields(["smsRoleArn", "smsExternalId"], { live.value(at: $0) })
        case nil: break
        }
        spec += fields(["smsRegion"], { live.value(at: $0) })
        spec += group("verificationMessages", ["sms", "emailSubject", "email"], { live.value(at: $0) })
        for name in ["passwordPolicy", "adminCreateUser"] {
            spec += group(name, UserPoolFields.table.keys(in: name), { live.value(at: $0) })
        }
        let custom = live.customAttributeNames.sorted().compactMap { name -> ExportValue? in
            guard case .map(let members) = live.customAttribute(name, keys: nil) else { return nil }
            let order = ["type", "mutable", "minLength", "maxLength", "minValue", "maxValue"]
            return .map([ExportField("name", .string(name))] + order.compactMap { key in
                members[key].flatMap(ExportValue.init).map { ExportField(key, $0) }
            })
        }
        if !custom.isEmpty { spec.append(ExportField("customAttributes", .list(custom))) }
        if case .list(let values) = live.value(at: "accountRecovery"), !values.isEmpty {
            spec += fields(["accountRecovery"], { live.value(at: $0) })
        }
        spec += fields(["deletionProtection"], { live.value(at: $0) })
        if case .map(let tags) = live.value(at: "tags"), !tags.isEmpty { spec += fields(["tags"], { live.value(at: $0) }) }
        return spec
    }

    /// An SmsRole spec adopting `role`, whose trust policy has the single external id `externalId`.
    static func smsRole(_ role: IAMRole, externalId: String) -> [ExportField] {
        var spec = [ExportField("adopt", .string(role.name)), ExportField("roleName", .string(role.name)),
                    ExportField("path", .string(role.path)), ExportField("externalId", .string(externalId))]
        if let description = role.description { spec.append(ExportField("description", .string(description))) }
        if let duration = role.maxSessionDuration { spec.append(ExportField("maxSessionDurationSeconds", .integer(duration))) }
        if let boundary = role.permissionsBoundaryArn { spec.append(ExportField("permissionsBoundaryArn", .string(boundary))) }
        let tags = LiveUserPool.userTags(role.tags)
        if !tags.isEmpty {
            spec.append(ExportField("tags", .map(tags.keys.sorted().map { ExportField($0, .string(tags[$0] ?? "")) })))
        }
        return spec
    }

    /// The single external id of a role's trust policy, nil when it has none or several.
    static func externalId(of role: IAMRole) -> String? { SmsRoleDocuments.externalId(in: role.assumeRolePolicy) }

    /// An AppClient spec for `client` in the pool manifest `poolName`. The secret is never read: only whether the
    /// client has one (`generateSecret`).
    static func appClient(_ client: AppClientDescription, poolName: String) -> [ExportField] {
        let live = AppClientFields.live(client)
        var spec = [ExportField("userPool", .string(poolName))]
        spec += fields(["clientName", "generateSecret", "explicitAuthFlows", "readAttributes", "writeAttributes",
                        "preventUserExistenceErrors", "enableTokenRevocation"]) { live[$0] ?? .null }
        spec += group("tokenValidity", ["accessToken", "idToken", "refreshToken"]) { live[$0] ?? .null }
        return spec
    }

    /// An MfaPolicy spec for the pool manifest `poolName`. With MFA OFF no factor is written (AWS configures none
    /// then); the bypass is written only when devices are remembered.
    static func mfaPolicy(_ live: MfaPolicyLive, poolName: String) -> [ExportField] {
        let values = MfaPolicyFields.live(live)
        var spec = [ExportField("userPool", .string(poolName))]
        spec += fields(["mode"]) { values[$0] ?? .null }
        if live.mode != .off {
            spec += group("sms", live.smsEnabled ? ["enabled", "message"] : ["enabled"]) { values[$0] ?? .null }
            spec += group("totp", ["enabled"]) { values[$0] ?? .null }
        }
        var device = ["remember"]
        if live.remember != .never { device.append("bypassMfaOnRememberedDevices") }
        spec += group("deviceTracking", device) { values[$0] ?? .null }
        return spec
    }

    /// The fields of `paths` whose values are not `null`, keyed by their last path component.
    static func fields(_ paths: [String], _ value: (String) -> PlanValue) -> [ExportField] {
        paths.compactMap { path in
            ExportValue(value(path)).map { ExportField(String(path.split(separator: ".").last ?? ""), $0) }
        }
    }

    /// `name:` with the non-null fields `name.<key>` of `keys`, or nothing when all are null.
    static func group(_ name: String, _ keys: [String], _ value: (String) -> PlanValue) -> [ExportField] {
        let members = fields(keys.map { "\(name).\($0)" }, value)
        return members.isEmpty ? [] : [ExportField(name, .map(members))]
    }
}
