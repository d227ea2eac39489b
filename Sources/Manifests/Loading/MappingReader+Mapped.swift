extension MappingReader {
    /// The values of the mapped fields `fields` (a kind's table) in this mapping (a spec), each read as its catalog
    /// type (integers checked against its range) and each mapping of them read once.
    func mapped(_ fields: [MappedField]) -> MappedValues {
        var values = MappedValues(fields: fields)
        var groups: [String: MappingReader?] = [:]
        for field in fields {
            let reader: MappingReader?
            if let group = field.group {
                if groups[group] == nil { groups[group] = object(group) }
                reader = groups[group] ?? nil
                if let reader { values.setGroup(group, at: reader.location) }
            } else {
                reader = self
            }
            if let value = reader?.scalar(field.key, as: field.field.type) { values.set(field.path, value) }
        }
        return values
    }

    /// The field `name` read as `type` (an integer, a boolean or a string).
    private func scalar(_ name: String, as type: FieldType) -> Located<MappedScalar>? {
        switch type {
        case .integer: int(name).map { Located(.int($0.value), at: $0.location) }
        case .boolean: bool(name).map { Located(.bool($0.value), at: $0.location) }
        case .string: string(name).map { Located(.string($0.value), at: $0.location) }
        default: nil
        }
    }
}
