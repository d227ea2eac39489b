import AWSServices
import Manifests

/// The plan fields every role smsauth owns whole has (manifest paths): name, path, tags, description, maximum
/// session and permissions boundary, on the manifest's side and as read from IAM.
enum OwnedRoleValues {
    /// AWS's maximum session duration when none was set (one hour).
    static let defaultMaxSessionDuration = 3600
    /// Paths IAM cannot change in place (a change replaces the role).
    static let immutablePaths: Set<String> = ["roleName", "path"]

    /// What a role created without them has at the optional paths: no description, AWS's default session
    /// duration, no permissions boundary (as `live` reads them).
    static let createdWithout: [String: PlanValue] = [
        "description": .null, "maxSessionDurationSeconds": .number(Double(defaultMaxSessionDuration)),
        "permissionsBoundaryArn": .null,
    ]

    /// The shared fields of `fields`. `tags` always holds at least the ownership tags; the optional fields only
    /// when the manifest manages them.
    static func desired(_ fields: some OwnedRoleShape) -> [String: PlanValue] {
        var values: [String: PlanValue] = [
            "roleName": .string(fields.roleName),
            "path": .string(fields.path),
            "tags": .map(fields.tags.mapValues(PlanValue.string)),
        ]
        if let description = fields.description { values["description"] = .string(description) }
        if let seconds = fields.maxSessionDuration { values["maxSessionDurationSeconds"] = .number(Double(seconds)) }
        if let boundary = fields.permissionsBoundaryArn { values["permissionsBoundaryArn"] = .string(boundary) }
        return values
    }

    /// The same paths read from `role`. `tags` holds only the keys `fields` manages; tags the manifest never set
    /// are not compared.
    static func live(_ role: IAMRole, managing fields: some OwnedRoleShape) -> [String: PlanValue] {
        var managedTags: [String: PlanValue] = [:]
        for key in fields.tags.keys {
            if let value = role.tags[key] { managedTags[key] = .string(value) }
        }
        return [
            "roleName": .string(role.name),
            "path": .string(role.path),
            "tags": .map(managedTags),
            "description": role.description.map(PlanValue.string) ?? .null,
            "maxSessionDurationSeconds": .number(Double(role.maxSessionDuration ?? defaultMaxSessionDuration)),
            "permissionsBoundaryArn": role.permissionsBoundaryArn.map(PlanValue.string) ?? .null,
        ]
    }
}
