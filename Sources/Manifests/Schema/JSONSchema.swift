import Foundation

/// The JSON Schema (draft 2020-12) of smsauth/v1 manifests, generated from `FieldCatalog` so that the schema editors
/// use and the loader can never disagree.
public enum JSONSchema {
    /// The schema as a JSON value tree.
    public static func document() -> [String: Any] {
        var definitions: [String: Any] = [:]
        for kind in ResourceKind.allCases {
            definitions["\(kind.rawValue)Spec"] = schema(for: .object(FieldCatalog.spec(for: kind)),
                                                        description: "The spec of a \(kind.rawValue) manifest.")
        }
        definitions["SettingsSpec"] = schema(for: .object(FieldCatalog.settings),
                                             description: "The spec of the Settings document (smsauth.yaml).")
        let kinds = ResourceKind.allCases.map(\.rawValue)
        let branches: [[String: Any]] = kinds.map { kind in
            [
                "if": ["properties": ["kind": ["const": kind]], "required": ["kind"]],
                "then": ["required": ["metadata"], "properties": ["spec": ["$ref": "#/$defs/\(kind)Spec"]]],
            ]
        } + [[
            "if": ["properties": ["kind": ["const": ManifestSettings.kind]], "required": ["kind"]],
            "then": ["properties": ["spec": ["$ref": "#/$defs/SettingsSpec"], "metadata": false, "policy": false]],
        ]]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "smsauth/v1 manifest",
            "description": "One resource of an smsauth manifest directory, or the directory's Settings document "
                + "(smsauth.yaml).",
            "type": "object",
            "additionalProperties": false,
            "required": ["apiVersion", "kind", "spec"],
            "properties": [
                "apiVersion": ["const": APIVersion.v1, "description": "Manifest format version."],
                "kind": ["type": "string", "enum": kinds + [ManifestSettings.kind], "description": "Resource kind, "
                         + "or Settings."],
                "metadata": schema(for: .object(FieldCatalog.metadata), description: "Name and labels."),
                "spec": ["type": "object", "description": "Desired configuration; fields depend on kind."],
                "policy": schema(for: .object(FieldCatalog.policy),
                                 description: "How smsauth handles replacement, deletion and drift."),
            ],
            "allOf": branches,
            "$defs": definitions,
        ]
    }

    /// The schema as pretty-printed JSON text with sorted keys and a final newline.
    public static func text() -> String {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: document(), options: options) else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A default written as YAML scalar text, as the JSON value of `type`.
    static func defaultValue(_ text: String, of type: FieldType) -> Any {
        switch type {
        case .boolean: text == "true"
        case .integer: Int(text) ?? text
        default: text
        }
    }

    /// The schema of one field type.
    static func schema(for type: FieldType, description: String? = nil) -> [String: Any] {
        var result: [String: Any]
        switch type {
        case .string:
            result = ["type": "string"]
        case let .integer(minimum, maximum):
            let bounds = FieldType.integerBounds(minimum: minimum, maximum: maximum)
            result = ["type": "integer", "minimum": bounds.lowerBound, "maximum": bounds.upperBound]
        case .boolean:
            result = ["type": "boolean"]
        case .duration:
            result = ["type": "string", "pattern": "^[0-9]{1,9}[mhd]$"]
        case let .enumeration(values, aliases):
            result = ["type": "string", "enum": values + aliases]
        case .list(let element):
            result = ["type": "array", "items": schema(for: element)]
        case .stringMap:
            result = ["type": "object", "additionalProperties": ["type": "string"]]
        case .textOrChoicesMap:
            result = ["type": "object", "additionalProperties": ["oneOf": [
                ["type": "string"], ["type": "array", "items": ["type": "string"]],
            ]]]
        case .object(let fields):
            var properties: [String: Any] = [:]
            for field in fields {
                var property = schema(for: field.type, description: field.description)
                if let pattern = field.pattern { property["pattern"] = pattern }
                if case let .value(text)? = field.defaultValue { property["default"] = defaultValue(text, of: field.type) }
                properties[field.name] = property
            }
            result = ["type": "object", "additionalProperties": false, "properties": properties]
            let required = fields.filter(\.required).map(\.name)
            if !required.isEmpty { result["required"] = required }
        }
        if let description { result["description"] = description }
        return result
    }
}
