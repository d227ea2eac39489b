extension FieldCatalog {
    /// The AWS API member each field sets, keyed `Kind.spec.path` (list elements' fields as `list.field`), as named in
    /// the botocore service models, from every kind's definition (`KindDefinition.awsMembers`); shown by
    /// `docs/manifests.md` and `smsauth explain`. A field without an entry is smsauth's own (a policy, a label, a
    /// file, the region of the endpoint); a test requires an entry for every other field.
    public static let awsMembers: [String: String] = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.flatMap {
        kind in kind.definition.awsMembers.map { path, member in ("\(kind.rawValue).\(path)", member) }
    })

    /// The AWS member `path` (`spec.passwordPolicy`, `spec.customAttributes.name`) of `kind` sets, if mapped.
    public static func awsMember(kind: String, path: String) -> String? { awsMembers["\(kind).\(path)"] }
}
