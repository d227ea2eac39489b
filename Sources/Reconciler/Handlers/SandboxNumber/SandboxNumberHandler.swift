import AWSServices
import Foundation
import Manifests

/// SNS SMS sandbox destination numbers (`kind: SandboxNumber`).
///
/// The phone number is the identity: sandbox numbers take no tags, so a number the region's sandbox lists is
/// `.owned` by the manifest that names it (nothing else could tell two owners apart, and AWS keeps one entry per
/// number). A number is `Pending` until its one-time password is verified (`smsauth verify`, or the manifest's
/// `oneTimePasswordFile`), then ready.
struct SandboxNumberHandler: ResourceHandler {
    /// Creates the handler.
    init() {}

    /// `.sandboxNumber`.
    var kind: ResourceKind { .sandboxNumber }

    /// Calls: one ListSMSSandboxPhoneNumbers per region (all pages, 100 numbers a page, so one call for the at most
    /// 10 numbers a sandbox holds), shared by every number in that region; nothing per number. A number is looked up
    /// at the phone number and region its status file recorded (so a changed `phoneNumber` is seen as an identity
    /// change), then at the manifest's. For a listed `Pending` number whose manifest sets `oneTimePasswordFile`, the
    /// file's existence is checked (its content is read only by `apply`).
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SandboxNumberLive>] {
        let lookups = try targets.map { target in (target, try Self.candidates(target)) }
        let regions = Set(lookups.flatMap { $0.1.map(\.region) })
        var listed: [String: [String: SandboxNumberStatus]] = [:]
        for region in regions.sorted() {
            let numbers = try await context.sns(region).listSandboxPhoneNumbers()
            listed[region] = Dictionary(numbers.map { ($0.phoneNumber, SandboxNumberStatus(aws: $0.status)) },
                                        uniquingKeysWith: { first, _ in first })
        }
        var result: [ResourceAddress: LiveState<SandboxNumberLive>] = [:]
        for (target, candidates) in lookups {
            result[target.address] = candidates.lazy.compactMap { candidate -> LiveState<SandboxNumberLive>? in
                guard let status = listed[candidate.region]?[candidate.phoneNumber] else { return nil }
                return .owned(Self.live(target, phoneNumber: candidate.phoneNumber, region: candidate.region, status: status))
            }.first ?? .absent
        }
        return result
    }

    /// `phoneNumber`, `region`, `status` (`Pending` or `Verified`).
    func outputs(of live: SandboxNumberLive) -> [String: String] {
        ["phoneNumber": live.phoneNumber, "region": live.region, "status": live.status.rawValue]
    }

    /// `phoneNumber` and `region`, known from the manifest; no `status` (that marks a planned number, see
    /// `SandboxQuota`).
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        guard case let .sandboxNumber(spec) = desired.manifest.spec else { return [:] }
        var outputs = ["phoneNumber": spec.phoneNumber.value]
        outputs["region"] = desired.region
        return outputs
    }

    /// Verified → ready; Pending → pending with how to verify.
    func phase(of live: SandboxNumberLive) -> LivePhase {
        live.status == .verified ? .ready : .pending(live.howToVerify)
    }

    /// See `SandboxNumberPlan` and `SandboxQuota`.
    func plan(_ input: PlanInput<SandboxNumberLive>) throws(PlanError) -> ResourceChange {
        try SandboxNumberPlan(input: input).change()
    }

    /// Where to look for a target, most specific first: the number and region its status recorded, then the manifest's.
    private static func candidates(_ target: ReadTarget) throws -> [(phoneNumber: String, region: String)] {
        var candidates: [(phoneNumber: String, region: String)] = []
        if let recorded = target.status?.resource["phoneNumber"],
           let region = target.status?.resource["region"] ?? target.region {
            candidates.append((recorded, region))
        }
        if let desired = target.desired, case let .sandboxNumber(spec) = desired.manifest.spec {
            guard let region = target.region ?? desired.region else {
                throw SandboxNumberError.noRegion(name: target.address.name)
            }
            candidates.append((spec.phoneNumber.value, region))
        }
        return candidates
    }

    /// The live value of a listed number, with the manifest's code file looked at when it may be needed.
    private static func live(_ target: ReadTarget, phoneNumber: String, region: String,
                             status: SandboxNumberStatus) -> SandboxNumberLive {
        var live = SandboxNumberLive(name: target.address.name, phoneNumber: phoneNumber, region: region, status: status)
        if let desired = target.desired, case let .sandboxNumber(spec) = desired.manifest.spec,
           let file = spec.oneTimePasswordFile?.value {
            live.oneTimePasswordFile = file
            live.oneTimePasswordFileExists = status == .pending
                && FileManager.default.fileExists(atPath: OneTimePasswordFile.url(file, relativeTo: desired.manifest).path)
        }
        return live
    }
}
