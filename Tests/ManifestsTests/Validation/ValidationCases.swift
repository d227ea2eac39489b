@testable import Manifests

/// One validation case: manifests (the document under test first, so its lines start at 1) and the exact
/// diagnostics expected.
struct ValidationCase: CustomStringConvertible, Sendable {
    let description: String
    let text: String
    let expected: [String]
    let region: String?

    init(_ description: String, _ text: String, _ expected: [String] = [], region: String? = nil) {
        self.description = description
        self.text = text
        self.expected = expected
        self.region = region
    }
}

/// Shared building blocks of validation cases.
enum Fixtures {
    /// See `TestSupport.doc`.
    static let doc = TestSupport.doc
    /// A valid SmsRole named `role`.
    static let role = doc("SmsRole", "role", ["roleName: r", "externalId: e"], [])
    /// A valid UserPool named `pool` that sends SMS with `role`.
    static let pool = doc("UserPool", "pool", ["poolName: p", "smsRole: role"], [])
    /// A UserPool named `pool` that sends SMS with `role` and verifies phone numbers.
    static let phonePool = doc("UserPool", "pool", ["poolName: p", "smsRole: role",
                                                    "autoVerifiedAttributes: [phone_number]"], [])
    /// A valid UserPool named `quiet` without an SMS role.
    static let quiet = doc("UserPool", "quiet", ["poolName: q"], [])
    /// A registered US toll-free origination identity named `tf` in us-east-1.
    static let tollFree = doc("OriginationIdentity", "tf", ["region: us-east-1", "phoneNumber:",
                                                            "  isoCountryCode: US", "  numberType: TOLL_FREE",
                                                            "  messageType: TRANSACTIONAL", "  capabilities: [SMS]",
                                                            "  registrationId: registration-0123"], [])

    /// Documents joined with `---`.
    static func docs(_ documents: String...) -> String { documents.joined(separator: "---\n") }

    /// A sandbox number document.
    static func sandbox(_ name: String, _ number: String, region: String = "us-east-1") -> String {
        doc("SandboxNumber", name, ["region: \(region)", "phoneNumber: \"\(number)\""], [])
    }
}
