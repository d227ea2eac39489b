/// The identity of one managed resource: its kind and its `metadata.name`, written `UserPool/qnatime`.
///
/// Addresses order by kind (apply order, see `ResourceKind`) and then by name. In JSON an address is the single
/// string `"UserPool/qnatime"`.
public struct ResourceAddress: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The resource kind.
    public let kind: ResourceKind
    /// The manifest's `metadata.name`, unique per kind.
    public let name: String

    /// Creates an address.
    public init(kind: ResourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Parses `Kind/name`; throws `PlanError.invalidAddress` for anything else.
    public init(parsing text: String) throws(PlanError) {
        guard let slash = text.firstIndex(of: "/"),
              let kind = ResourceKind(rawValue: String(text[..<slash])) else {
            throw PlanError.invalidAddress(text)
        }
        let name = String(text[text.index(after: slash)...])
        guard !name.isEmpty, !name.contains("/") else { throw PlanError.invalidAddress(text) }
        self.init(kind: kind, name: name)
    }

    /// `Kind/name`, e.g. `UserPool/qnatime`.
    public var description: String { "\(kind.rawValue)/\(name)" }

    /// Orders by kind apply order, then by name.
    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        lhs.kind == rhs.kind ? lhs.name < rhs.name : lhs.kind < rhs.kind
    }

    /// Decodes the `Kind/name` string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the `Kind/name` string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
