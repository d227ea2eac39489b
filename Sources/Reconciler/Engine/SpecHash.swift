import AWSCore
import Foundation
import Manifests

/// The observed-generation hash of a manifest: SHA-256 (lowercase hex) of a canonical rendering of its spec and
/// policy values. Every source location is left out, so moving lines or adding comments changes nothing; map keys
/// and struct fields are sorted, so the hash never depends on dictionary order.
public enum SpecHash {
    /// The hash of `manifest`'s spec and policy.
    public static func of(_ manifest: Manifest) -> String {
        Digest.sha256Hex(canonical(manifest))
    }

    /// The canonical text the hash is taken of: `spec=<kind>:<value>;policy=<value>`.
    public static func canonical(_ manifest: Manifest) -> String {
        "spec=\(manifest.kind.rawValue):\(CanonicalRendering.render(manifest.spec));"
            + "policy=\(CanonicalRendering.render(manifest.policy))"
    }
}

/// A `Located` value seen without its type parameter, so the rendering can take its value and drop its location.
protocol LocatedValue {
    /// The value without its location.
    var locatedValue: Any { get }
}

extension Located: LocatedValue {
    /// The value without its location.
    var locatedValue: Any { value }
}

/// Renders any manifest value as canonical text by reflection: located values as their value, source locations
/// omitted, optionals as their content or `null`, strings quoted and escaped, lists in order, maps and struct
/// fields sorted by key, enum cases by name with their payload.
enum CanonicalRendering {
    /// The canonical text of `value`.
    static func render(_ value: Any) -> String {
        if let located = value as? any LocatedValue { return render(located.locatedValue) }
        switch value {
        case let text as String: return quoted(text)
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        case let flag as Bool: return flag ? "true" : "false"
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { render($0.value) } ?? "null"
        case .collection, .tuple:
            return "[" + mirror.children.map { render($0.value) }.joined(separator: ",") + "]"
        case .set:
            return "set[" + mirror.children.map { render($0.value) }.sorted().joined(separator: ",") + "]"
        case .dictionary:
            return "{" + mirror.children.map { entry(of: $0.value) }.sorted().joined(separator: ",") + "}"
        case .enum:
            let payload = mirror.children.first.map { "(" + render($0.value) + ")" } ?? ""
            return "." + caseName(of: value, mirror: mirror) + payload
        case .struct, .class:
            return "{" + fields(of: mirror).joined(separator: ",") + "}"
        default:
            return quoted(String(describing: value))
        }
    }

    /// Struct fields as `label=value`, sorted, without source locations.
    private static func fields(of mirror: Mirror) -> [String] {
        mirror.children.flatMap { child -> [String] in
            guard let label = child.label, !(child.value is SourceLocation) else { return [] }
            if let mapped = child.value as? MappedValues { return fields(of: mapped) }
            return ["\(label)=\(render(child.value))"]
        }.sorted()
    }

    /// A spec's simple fields as the struct fields they were before the kind's table held them (so that hashes
    /// recorded in status stay valid): `name=value` for a field of the spec, `group={key=value,...}` for a mapping
    /// written, `group=null` for one left out; fields left out are `null`.
    private static func fields(of mapped: MappedValues) -> [String] {
        var names: [String] = []
        for field in mapped.fields where !names.contains(field.group ?? field.path) { names.append(field.group ?? field.path) }
        let value = { (path: String) in mapped[path].map { render($0.value.payload) } ?? "null" }
        return names.map { name in
            let members = mapped.fields.filter { $0.group == name }
            if members.isEmpty { return "\(name)=\(value(name))" }
            guard mapped.groups[name] != nil else { return "\(name)=null" }
            return "\(name)={" + members.map { "\($0.key)=\(value($0.path))" }.sorted().joined(separator: ",") + "}"
        }
    }

    /// A dictionary entry (a `(key, value)` pair) as `key:value`.
    private static func entry(of pair: Any) -> String {
        let parts = Mirror(reflecting: pair).children.map { render($0.value) }
        return parts.joined(separator: ":")
    }

    /// The case name of an enum value: the payload's label, else the value's own description.
    private static func caseName(of value: Any, mirror: Mirror) -> String {
        mirror.children.first?.label ?? String(describing: value)
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
