import Foundation
import Manifests

/// A value of an exported manifest, in the order it is written.
public indirect enum ExportValue: Sendable, Equatable {
    /// A string, always written double-quoted (so no text is read back as a number, a boolean or YAML syntax).
    case string(String)
    /// `true` / `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A sequence.
    case list([ExportValue])
    /// A mapping whose keys keep the given order.
    case map([ExportField])

    /// A plan value as an export value: whole numbers as integers, maps with sorted keys; nil for `null`.
    init?(_ value: PlanValue) {
        switch value {
        case .null, .sensitive: return nil
        case let .string(text): self = .string(text)
        case let .bool(flag): self = .bool(flag)
        case let .number(number):
            if number.rounded() == number, abs(number) < 1e15 { self = .integer(Int(number)) } else { self = .string("\(number)") }
        case let .list(elements): self = .list(elements.compactMap(ExportValue.init))
        case let .map(members):
            self = .map(members.keys.sorted().compactMap { key in ExportValue(members[key] ?? .null).map { ExportField(key, $0) } })
        }
    }
}

/// One `key: value` of a mapping.
public struct ExportField: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: ExportValue

    /// Creates a field.
    public init(_ key: String, _ value: ExportValue) {
        self.key = key
        self.value = value
    }
}

/// One manifest written by `smsauth export`: a resource's kind, `metadata.name` and spec.
public struct ExportedManifest: Sendable, Equatable {
    /// The kind.
    public var kind: ResourceKind
    /// `metadata.name`.
    public var name: String
    /// `spec`, in the order written.
    public var spec: [ExportField]

    /// Creates a manifest.
    public init(kind: ResourceKind, name: String, spec: [ExportField]) {
        self.kind = kind
        self.name = name
        self.spec = spec
    }

    /// `<kind in lower case>-<name>.yaml`: unique because `Kind/name` is.
    public var fileName: String { "\(kind.rawValue.lowercased())-\(name).yaml" }

    /// The YAML document.
    public var yaml: String {
        var lines = ["apiVersion: \(APIVersion.v1)", "kind: \(kind.rawValue)", "metadata:", "  name: \(name)", "spec:"]
        ExportYAML.append(spec, indent: 1, to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Block-style YAML of export values: two spaces per level, strings and unusual keys double-quoted.
enum ExportYAML {
    /// Appends the lines of `fields` at `indent` levels.
    static func append(_ fields: [ExportField], indent: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        for field in fields {
            let key = self.key(field.key)
            switch field.value {
            case .list(let elements) where !elements.isEmpty:
                lines.append("\(pad)\(key):")
                for element in elements { append(element, indent: indent + 1, to: &lines) }
            case .map(let members) where !members.isEmpty:
                lines.append("\(pad)\(key):")
                append(members, indent: indent + 1, to: &lines)
            default:
                lines.append("\(pad)\(key): \(inline(field.value))")
            }
        }
    }

    /// Appends one sequence item; a mapping item starts on the dash line (`- key: value`).
    private static func append(_ element: ExportValue, indent: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        guard case .map(let members) = element, !members.isEmpty else {
            lines.append("\(pad)- \(inline(element))")
            return
        }
        var nested: [String] = []
        append(members, indent: indent + 1, to: &nested)
        nested[0] = pad + "- " + nested[0].dropFirst(pad.count + 2)
        lines += nested
    }

    /// A scalar, or an empty sequence or mapping, on one line.
    static func inline(_ value: ExportValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .list: "[]"
        case .map: "{}"
        }
    }

    /// A key as written: plain when it is a simple name, else double-quoted.
    static func key(_ text: String) -> String {
        let simple = !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
            && text.unicodeScalars.allSatisfy(\.isASCII) && !(text.first?.isNumber ?? true)
        return simple ? text : quoted(text)
    }

    /// A YAML double-quoted scalar: the plan's JSON-style quoting, whose escapes YAML accepts.
    static func quoted(_ text: String) -> String {
        PlanValueFormatter.quoted(text)
    }
}
