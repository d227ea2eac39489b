import AWSServices
import Foundation
import Manifests

/// Sandbox destination numbers (`kind: SandboxNumber`), in the SNS SMS sandbox or in End User Messaging SMS's
/// (verified destination numbers), per the resource's `DesiredResource.sandboxService`.
///
/// The phone number is the identity: AWS keeps one entry per number in each sandbox (SNS's take no tags), so a number
/// the region's sandbox lists is `.owned` by the manifest that names it. A number is `Pending` until its one-time
/// password is verified (`smsauth verify`, or the manifest's `oneTimePasswordFile`), then ready.
struct SandboxNumberHandler: ResourceHandler {
    /// Creates the handler.
    init() {}

    /// `.sandboxNumber`.
    var kind: ResourceKind { .sandboxNumber }

    /// The `SandboxNumber` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> SandboxNumberSpec? {
        if case .sandboxNumber(let number) = spec { number } else { nil }
    }

    /// Calls, per region and sandbox that a target needs, shared by every number there, nothing per number: one
    /// ListSMSSandboxPhoneNumbers (SNS; all pages, 100 numbers a page, so one call for the at most 10 numbers a
    /// sandbox holds) or one DescribeVerifiedDestinationNumbers (End User Messaging; all pages), and for an End User
    /// Messaging number found for a target, one ListTagsForResource (its ownership tags). A number is looked
    /// up at the phone number, region and sandbox its status file recorded (so a changed `phoneNumber` or sandbox is
    /// seen as an identity change), then at the manifest's; when the recorded one is found and the manifest names
    /// another that is listed too, whether that one is this resource's (`replacementListed`; End User Messaging: one
    /// more ListTagsForResource). For a listed `Pending` number whose manifest sets
    /// `oneTimePasswordFile`, the file's existence is checked (its content is read only by `apply`).
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SandboxNumberLive>] {
        let lookups = try targets.map { target in (target, try Self.candidates(target)) }
        let sandboxes = Set(lookups.flatMap { $0.1.map(\.sandbox) })
        var listed: [Sandbox: [String: Listed]] = [:]
        for sandbox in sandboxes.sorted(by: { ($0.region, $0.service.rawValue) < ($1.region, $1.service.rawValue) }) {
            listed[sandbox] = try await Self.list(sandbox, context: context)
        }
        var result: [ResourceAddress: LiveState<SandboxNumberLive>] = [:]
        for (target, candidates) in lookups {
            result[target.address] = .absent
            for (index, candidate) in candidates.enumerated() {
                guard let found = listed[candidate.sandbox]?[candidate.phoneNumber] else { continue }
                var live = Self.live(target, phoneNumber: candidate.phoneNumber, sandbox: candidate.sandbox, listed: found,
                                     account: context.account)
                if let wanted = candidates.last, index < candidates.count - 1,
                   wanted.phoneNumber != candidate.phoneNumber || wanted.sandbox != candidate.sandbox,
                   let other = listed[wanted.sandbox]?[wanted.phoneNumber] {
                    live.replacementListed = try await !Self.isOwn(other, in: wanted.sandbox, target: target,
                                                                   context: context)
                }
                result[target.address] = try await Self.classify(live, arn: found.arn, target: target,
                                                                 context: context)
                break
            }
        }
        return result
    }

    /// Whether `listed`, an entry of `sandbox` other than the one a target's status records, is that target's own: only
    /// an End User Messaging entry tagged for its address (or former address), for the run's owner or without an owner tag (as `classify`
    /// counts them; one ListTagsForResource); an SNS entry never is (no tags, and the status records another number).
    private static func isOwn(_ listed: Listed, in sandbox: Sandbox, target: ReadTarget,
                              context: ReconcileContext) async throws -> Bool {
        guard sandbox.service == .endUserMessaging, let arn = listed.arn else { return false }
        let tags = try await context.smsVoice(sandbox.region).listTagsForResource(arn: arn) ?? [:]
        switch OwnershipTags.claim(tags, as: target, owner: context.owner) {
        case .mine?, .legacy?: return true
        case .otherOwner?, nil: return false
        }
    }

    /// SNS's sandbox numbers take no tags: a listed one is the manifest's when a run for it added it (`added`, from
    /// its status file), else it was found there (another manifest folder's, or added by hand): planned like its own,
    /// never deleted. End User Messaging's carry smsauth's ownership tags (ListTagsForResource): one tagged for another
    /// owner is theirs, one without tags was added outside smsauth (planned like its own, never deleted).
    private static func classify(_ live: SandboxNumberLive, arn: String?, target: ReadTarget,
                                 context: ReconcileContext) async throws -> LiveState<SandboxNumberLive> {
        guard live.service == .endUserMessaging, let arn else { return live.added ? .owned(live) : .foreign(live) }
        let tags = try await context.smsVoice(live.region).listTagsForResource(arn: arn) ?? [:]
        var tagged = live
        switch OwnershipTags.claim(tags, as: target, owner: context.owner) {
        case .mine?, .legacy?: tagged.added = true
        case .otherOwner?, nil: tagged.added = false
        }
        return .classified(tagged, tags: tags, as: target, owner: context.owner)
    }

    /// `phoneNumber`, `region`, `service` (the sandbox: `sns` or `endUserMessaging`), `status` (`Pending` or
    /// `Verified`), `account` (when known), `originRecorded: true`, and `origin: added` when a run for this resource added the number (none
    /// when it was found listed; the read that follows an apply knows it from the create's outputs, which the status
    /// it reads with carries).
    func outputs(of live: SandboxNumberLive) -> [String: String] {
        var outputs = ["phoneNumber": live.phoneNumber, "region": live.region, "service": live.service.rawValue,
                       "status": live.status.rawValue, Self.originRecordedKey: "true"]
        if live.added { outputs["origin"] = Self.addedOrigin }
        outputs["account"] = live.account
        return outputs
    }

    /// An End User Messaging entry carries the ownership tags it was added with; SNS's take none.
    func carriesOwnershipTags(_ live: SandboxNumberLive) -> Bool {
        live.service == .endUserMessaging && live.arn != nil
    }

    /// The output saying the status file tells added numbers from found ones (written since this smsauth).
    static let originRecordedKey = "originRecorded"

    /// The `origin` output of a number a run for its resource added.
    static let addedOrigin = "added"

    /// Whether `status` says a run for its resource added `phoneNumber` to `sandbox` of `account`: `origin: added`,
    /// recorded in that account (a status file that records another account was carried there from it: the number
    /// this account lists is not the one added). A status file written before origins were recorded (no
    /// `originRecorded`) cannot tell, and counts as added, as every number its status file recorded did then:
    /// otherwise every number added before would become found on upgrade (their short history seldom still holds the
    /// create), never deleted and refused on removal. One written before accounts were recorded counts as this
    /// account's.
    static func recordsAdded(_ status: ResourceStatus?, phoneNumber: String, sandbox: Sandbox, account: String?) -> Bool {
        guard let status, status.resource["phoneNumber"] == phoneNumber,
              status.resource["region"] == sandbox.region,
              (status.resource["service"] ?? SmsService.sns.rawValue) == sandbox.service.rawValue else { return false }
        if let recorded = status.resource["account"], let account, recorded != account { return false }
        return status.resource["origin"] == addedOrigin || status.resource[originRecordedKey] == nil
    }

    /// `phoneNumber`, `region` and `service`, known from the manifest; no `status` (that marks a planned number,
    /// see `SandboxQuota`).
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        guard let spec = Self.spec(desired) else { return [:] }
        var outputs = ["phoneNumber": spec.phoneNumber.value, "service": (desired.sandboxService ?? .sns).rawValue]
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

    /// One region's sandbox of one service.
    struct Sandbox: Hashable {
        /// The region.
        let region: String
        /// SNS's sandbox or End User Messaging's.
        let service: SmsService
    }

    /// A number as its sandbox lists it.
    struct Listed {
        /// `Pending` or `Verified`.
        let status: SandboxNumberStatus
        /// End User Messaging's id of the entry (nil for SNS).
        let id: String?
        /// End User Messaging's ARN of the entry (nil for SNS).
        var arn: String?
    }

    /// Every number `sandbox` lists, by phone number.
    private static func list(_ sandbox: Sandbox, context: ReconcileContext) async throws -> [String: Listed] {
        switch sandbox.service {
        case .sns:
            let numbers = try await context.sns(sandbox.region).listSandboxPhoneNumbers()
            return Dictionary(numbers.map { ($0.phoneNumber, Listed(status: SandboxNumberStatus(aws: $0.status), id: nil)) },
                              uniquingKeysWith: { first, _ in first })
        case .endUserMessaging:
            let numbers = try await context.smsVoice(sandbox.region).describeVerifiedDestinationNumbers()
            return Dictionary(numbers.map { ($0.phoneNumber, Listed(status: SandboxNumberStatus(aws: $0.status), id: $0.id,
                                                                     arn: $0.arn)) },
                              uniquingKeysWith: { first, _ in first })
        }
    }

    /// Where to look for a target, most specific first: the number, region and sandbox its status recorded (SNS's
    /// when a status file from before End User Messaging sandboxes names none), then the manifest's.
    private static func candidates(_ target: ReadTarget) throws -> [(phoneNumber: String, sandbox: Sandbox)] {
        var candidates: [(phoneNumber: String, sandbox: Sandbox)] = []
        if let recorded = target.status?.resource["phoneNumber"] {
            // A recorded number without any region cannot be looked up: an error, never "gone".
            let region = try target.status?.resource["region"] ?? target.region ?? target.readRegion()
            let service = target.status?.resource["service"].flatMap(SmsService.init(rawValue:)) ?? .sns
            candidates.append((recorded, Sandbox(region: region, service: service)))
        }
        if let desired = target.desired, let spec = spec(desired) {
            let sandbox = Sandbox(region: try target.readRegion(), service: desired.sandboxService ?? .sns)
            candidates.append((spec.phoneNumber.value, sandbox))
        }
        return candidates
    }

    /// The live value of a listed number, with the manifest's code file looked at when it may be needed.
    private static func live(_ target: ReadTarget, phoneNumber: String, sandbox: Sandbox, listed: Listed,
                             account: String?) -> SandboxNumberLive {
        var live = SandboxNumberLive(name: target.address.name, phoneNumber: phoneNumber, region: sandbox.region,
                                     service: sandbox.service, id: listed.id, status: listed.status,
                                     added: recordsAdded(target.status, phoneNumber: phoneNumber, sandbox: sandbox,
                                                         account: account))
        live.account = account
        live.arn = listed.arn
        if let desired = target.desired, let spec = spec(desired),
           let file = spec.oneTimePasswordFile?.value {
            live.oneTimePasswordFile = file
            live.oneTimePasswordFileExists = listed.status == .pending
                && FileManager.default.fileExists(atPath: OneTimePasswordFile.url(file, relativeTo: desired.manifest).path)
        }
        return live
    }
}
