import Foundation
import Manifests
import Reconciler

/// The SandboxNumber `smsauth verify` works on, found in a validated manifest directory.
struct VerifyTarget: Sendable, Equatable {
    /// Its address.
    let address: ResourceAddress
    /// E.164 number.
    let phoneNumber: String
    /// Region of its sandbox.
    let region: String
    /// Which sandbox: SNS's or End User Messaging's (`PoolSmsServices.sandbox`).
    var service: SmsService = .sns
    /// `spec.languageCode` of the one-time password SMS (nil: AWS's default, en-US).
    var language: SandboxLanguage?

    /// Loads and validates `directory` and finds SandboxNumber `name`.
    static func find(name: String, directory: String, defaultRegion: String?) throws(VerifyError) -> VerifyTarget {
        let result = Validator(defaultRegion: defaultRegion).loadAndValidate(directory: directory)
        guard !result.hasErrors else {
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw VerifyError.invalidManifests(errors)
        }
        let address = ResourceAddress(kind: .sandboxNumber, name: name)
        guard let manifest = result.manifests.first(where: { $0.id == address }),
              case let .sandboxNumber(spec) = manifest.spec else {
            throw VerifyError.unknownName(name: name, directory: directory)
        }
        guard let region = spec.region?.value ?? defaultRegion else { throw VerifyError.noRegion(name: name) }
        let service = PoolSmsServices(manifests: result.manifests, defaultRegion: defaultRegion)
            .sandbox(of: spec, region: region) ?? .sns
        return VerifyTarget(address: address, phoneNumber: spec.phoneNumber.value, region: region, service: service,
                            language: spec.languageCode?.value)
    }
}

/// Why `smsauth verify` could not start.
enum VerifyError: Error, Equatable {
    /// The manifests have errors (`smsauth validate` lists them).
    case invalidManifests([String])
    /// No SandboxNumber has that name.
    case unknownName(name: String, directory: String)
    /// Neither `spec.region` nor a default region.
    case noRegion(name: String)
    /// AWS refused to send the code again (`UserError`): a number gets at most 6 codes in 24 hours, the first and 5
    /// resends.
    case resendLimit(name: String, phoneNumber: String, region: String, aws: String)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .invalidManifests: "verify.invalidManifests"
        case .unknownName: "verify.unknownName"
        case .noRegion: "verify.noRegion"
        case .resendLimit: "verify.resendLimit"
        }
    }

    /// What to do.
    var message: String {
        switch self {
        case let .invalidManifests(errors):
            (["the manifests have errors (run `smsauth validate` for details):"] + errors).joined(separator: "\n")
        case let .unknownName(name, directory):
            "no SandboxNumber named '\(name)' in \(directory)"
        case let .noRegion(name):
            "SandboxNumber/\(name) has no region: set spec.region, --region or AWS_REGION"
        case let .resendLimit(name, phoneNumber, region, aws):
            "SandboxNumber/\(name): AWS did not send \(phoneNumber) a new code in \(region) (\(aws)); it sends at most "
                + "5 codes again per number within 24 hours: verify with the last code received, or try again later"
        }
    }
}

/// The one status change `smsauth verify` makes. The reconcile engine owns status files; this only marks an
/// existing file Ready after a successful verification and never creates one.
enum VerifyStatus {
    /// Sets phase Ready, the `Ready` condition, `resource.status` = `Verified` and `lastAppliedTime` (from which a
    /// later refused delete estimates when AWS's 24-hour rule ends) in `target`'s status file, if it has one for the
    /// same number in the same sandbox.
    static func markVerified(_ target: VerifyTarget, store: StatusStore, now: Date) async throws(StatusStoreError) {
        // Only the entry the status file records: after a change of number or sandbox not applied yet, it is another.
        guard var status = try store.read(target.address),
              status.resource["phoneNumber"] == target.phoneNumber,
              (status.resource["service"] ?? SmsService.sns.rawValue) == target.service.rawValue else { return }
        status.phase = .ready
        status.setCondition(type: "Ready", status: .isTrue, reason: "Verified",
                            message: "\(target.phoneNumber) verified with smsauth verify", now: now)
        status.resource["status"] = SandboxNumberStatus.verified.rawValue
        status.lastAppliedTime = now
        try store.write(status)
        try await store.persist()
    }
}
