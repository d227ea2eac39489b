import Manifests
import Foundation
import Testing
@testable import Reconciler

/// Address text form, parsing, ordering and JSON.
@Suite("ResourceAddress")
struct ResourceAddressTests {
    @Test("description is Kind/name")
    func description() {
        #expect(ResourceAddress(kind: .userPool, name: "qnatime").description == "UserPool/qnatime")
    }

    @Test("parsing accepts Kind/name for every kind", arguments: ResourceKind.allCases)
    func parsesEveryKind(kind: ResourceKind) throws {
        let address = try ResourceAddress(parsing: "\(kind.rawValue)/name-1")
        #expect(address == ResourceAddress(kind: kind, name: "name-1"))
    }

    @Test("parsing rejects malformed text", arguments: ["UserPool", "UserPool/", "Bucket/x", "/x", "UserPool/a/b", ""])
    func rejectsMalformed(text: String) {
        #expect(throws: PlanError.invalidAddress(text)) { try ResourceAddress(parsing: text) }
    }

    @Test("orders by kind apply order, then by name")
    func ordering() {
        let unordered = [
            ResourceAddress(kind: .sandboxNumber, name: "a"), ResourceAddress(kind: .userPool, name: "b"),
            ResourceAddress(kind: .appClient, name: "a"), ResourceAddress(kind: .userPool, name: "a"),
            ResourceAddress(kind: .smsAccountSettings, name: "z"),
        ]
        #expect(unordered.sorted().map(\.description) == [
            "SmsAccountSettings/z", "UserPool/a", "UserPool/b", "AppClient/a", "SandboxNumber/a",
        ])
    }

    @Test("kinds rank in the documented apply order")
    func kindOrder() {
        #expect(ResourceKind.allCases.sorted().map(\.rawValue) == [
            "SmsLogRole", "SmsAccountSettings", "SmsRole", "Registration", "OriginationIdentity", "PhonePool",
            "ConfigurationSet", "SmsProtection", "UserPool", "AppClient", "MfaPolicy", "SandboxNumber",
        ])
    }

    @Test("JSON is the Kind/name string and round-trips")
    func json() throws {
        let address = ResourceAddress(kind: .mfaPolicy, name: "qnatime")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = try encoder.encode([address])
        #expect(String(decoding: data, as: UTF8.self) == #"["MfaPolicy/qnatime"]"#)
        #expect(try JSONDecoder().decode([ResourceAddress].self, from: data) == [address])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ResourceAddress].self, from: Data(#"["Nope/x"]"#.utf8)) }
    }
}
