import AWSCore
import Foundation

/// An IAM role as GetRole / CreateRole describe it.
public struct IAMRole: Sendable, Equatable {
    /// Role name.
    public var name: String
    /// Path.
    public var path: String
    /// ARN.
    public var arn: String
    /// Stable role id.
    public var roleId: String
    /// Trust policy (decoded from IAM's URL encoding).
    public var assumeRolePolicy: PolicyDocument?
    /// Description.
    public var description: String?
    /// Maximum session duration in seconds.
    public var maxSessionDuration: Int?
    /// Permissions boundary ARN.
    public var permissionsBoundaryArn: String?
    /// Tags.
    public var tags: [String: String]

    /// Errors reading a role from a response.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The response had no `<Role>` with a name and ARN.
        case missingRole

        /// Stable error code.
        public var code: String { "iam.responseMissingRole" }

        /// What went wrong.
        public var description: String { "IAM response has no Role element with RoleName and Arn" }
    }

    /// Reads a `<Role>` element.
    init(xml: XMLElement?) throws {
        guard let xml, let name = xml.value("RoleName"), let arn = xml.value("Arn") else { throw Failure.missingRole }
        self.name = name
        self.arn = arn
        path = xml.value("Path") ?? "/"
        roleId = xml.value("RoleId") ?? ""
        assumeRolePolicy = try xml.value("AssumeRolePolicyDocument").map { try PolicyDocument(text: $0) }
        description = xml.value("Description")
        maxSessionDuration = xml.value("MaxSessionDuration").flatMap { Int($0) }
        permissionsBoundaryArn = xml.value("PermissionsBoundary", "PermissionsBoundaryArn")
        var tags: [String: String] = [:]
        for member in xml.members("Tags") {
            if let key = member.value("Key") { tags[key] = member.value("Value") ?? "" }
        }
        self.tags = tags
    }
}
