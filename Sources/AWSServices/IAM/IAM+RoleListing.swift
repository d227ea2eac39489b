import AWSCore

extension IAM {
    /// ListRoles (all pages). IAM leaves tags, the permissions boundary and last use out of a listing: read them with
    /// `listRoleTags(roleName:)` or `getRole(name:)`.
    public func listRoles() async throws -> [IAMRole] {
        var roles: [IAMRole] = []
        var marker: String?
        repeat {
            var parameters = QueryParameters()
            parameters.set("Marker", marker)
            let result = try await client.query(.iam, region: region, action: "ListRoles", parameters: parameters)
            roles += try result.members("Roles").map { try IAMRole(xml: $0) }
            marker = result.value("IsTruncated") == "true" ? result.value("Marker") : nil
        } while marker != nil
        return roles
    }

    /// ListRoleTags (all pages); nil when the role does not exist (deleted since it was listed).
    public func listRoleTags(roleName: String) async throws -> [String: String]? {
        var tags: [String: String] = [:]
        var marker: String?
        repeat {
            var parameters = QueryParameters()
            parameters.set("RoleName", roleName)
            parameters.set("Marker", marker)
            let result: XMLElement
            do {
                result = try await client.query(.iam, region: region, action: "ListRoleTags", parameters: parameters)
            } catch let error as AWSError where error.code == "NoSuchEntity" {
                return nil
            }
            for member in result.members("Tags") {
                if let key = member.value("Key") { tags[key] = member.value("Value") ?? "" }
            }
            marker = result.value("IsTruncated") == "true" ? result.value("Marker") : nil
        } while marker != nil
        return tags
    }
}
