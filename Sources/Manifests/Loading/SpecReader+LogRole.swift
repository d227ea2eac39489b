extension SpecReader {
    /// `SmsLogRole` spec.
    static func smsLogRole(_ r: MappingReader) -> SmsLogRoleSpec? {
        let adopt = r.string("adopt"), path = r.string("path"), description = r.string("description")
        let maxSession = r.int("maxSessionDurationSeconds"), boundary = r.string("permissionsBoundaryArn")
        let tags = r.stringMap("tags")
        guard let roleName = r.string("roleName") else { return nil }
        return SmsLogRoleSpec(adopt: adopt, roleName: roleName, path: path, description: description,
                              maxSessionDurationSeconds: maxSession, permissionsBoundaryArn: boundary, tags: tags)
    }
}
