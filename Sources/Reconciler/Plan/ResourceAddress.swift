import Manifests

/// A resource's address in plans and status files: its kind and `metadata.name`, written `UserPool/qnatime`.
/// The same identity the manifests use (`Manifests.ResourceID`); ordered by apply order, then name.
public typealias ResourceAddress = ResourceID

extension ResourceKind: Codable {}

extension ResourceID: Codable {
    /// Creates an address.
    public init(kind: ResourceKind, name: String) {
        self.init(kind, name)
    }

    /// Parses `Kind/name`.
    public init(parsing text: String) throws(PlanError) {
        guard let slash = text.firstIndex(of: "/"),
              let kind = ResourceKind(rawValue: String(text[..<slash])) else {
            throw PlanError.invalidAddress(text)
        }
        let name = String(text[text.index(after: slash)...])
        guard !name.isEmpty, !name.contains("/") else { throw PlanError.invalidAddress(text) }
        self.init(kind, name)
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
