import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Manifests and plan inputs for SandboxNumber tests.
enum SandboxNumberFixtures {
    /// The number most tests use.
    static let phone = "+14155550123"
    /// `SandboxNumber/qa-phone`.
    static let address = ResourceAddress(kind: .sandboxNumber, name: "qa-phone")

    /// A SandboxNumber manifest; `file` is where it is said to be written (code files resolve next to it).
    static func desired(name: String = "qa-phone", phone: String = phone, region: String = "us-east-1",
                        extra: String = "", policy: String = "", service: SmsService = .sns,
                        file: String = "manifests/numbers.yaml") throws -> DesiredResource {
        let text = """
            apiVersion: smsauth/v1
            kind: SandboxNumber
            metadata: {name: \(name)}
            spec:
              region: \(region)
              phoneNumber: "\(phone)"
              languageCode: en-US
            \(extra)
            \(policy)
            """
        let loaded = ManifestLoader().load(text: text, file: file)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let manifest = try #require(loaded.manifests.first)
        return DesiredResource(manifest: manifest, region: region, dependencies: [], sandboxService: service)
    }

    /// A listed number.
    static func live(_ status: SandboxNumberStatus, phone: String = phone, region: String = "us-east-1",
                     service: SmsService = .sns, codeFile: String? = nil, codeFileExists: Bool = false) -> SandboxNumberLive {
        SandboxNumberLive(name: "qa-phone", phoneNumber: phone, region: region, service: service,
                          id: service == .endUserMessaging ? "verifieddestinationnumber-1" : nil, status: status,
                          oneTimePasswordFile: codeFile, oneTimePasswordFileExists: codeFileExists)
    }

    /// A plan input for `SandboxNumber/<name>`.
    static func input(_ desired: DesiredResource?, _ live: LiveState<SandboxNumberLive>, name: String = "qa-phone",
                      references: [ResourceAddress: [String: String]] = [:],
                      deletePolicy: DeletePolicy = .delete) -> PlanInput<SandboxNumberLive> {
        PlanInput(address: ResourceAddress(kind: .sandboxNumber, name: name), desired: desired, live: live,
                  status: nil, references: references, dependencyActions: [:], deletePolicy: deletePolicy,
                  options: PlanOptions(account: "123456789012"))
    }

    /// `count` other sandbox numbers in `region` as references (live ones carry a `status`); `series` (0–9) keeps
    /// the numbers of different calls apart.
    static func others(_ count: Int, region: String = "us-east-1", live: Bool = true, service: SmsService? = nil,
                       prefix: String = "other", series: Int = 0) -> [ResourceAddress: [String: String]] {
        var references: [ResourceAddress: [String: String]] = [:]
        for index in 0..<count {
            var outputs = ["phoneNumber": "+1415\(series)55\(String(format: "%04d", index))", "region": region]
            outputs["service"] = service?.rawValue
            if live { outputs["status"] = "Verified" }
            references[ResourceAddress(kind: .sandboxNumber, name: "\(prefix)-\(index)")] = outputs
        }
        return references
    }
}
