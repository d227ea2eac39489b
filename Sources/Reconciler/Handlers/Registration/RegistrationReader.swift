import AWSCore
import AWSServices
import Manifests

/// Finds the registrations of one region (see `RegistrationHandler.read`). They have no name: the one recorded in
/// status, else the one `spec.adopt` names, else the one carrying the address's ownership tags.
struct RegistrationReader {
    /// End User Messaging SMS in the region.
    let sms: SMSVoice
    /// The region.
    let region: String
    /// The run's owner: only registrations tagged for it are owned.
    let owner: String?

    /// Reads every target of this region: DescribeRegistrations of the recorded (or adopted) id, else (or when the
    /// recorded one is gone and none is adopted) of every registration once (all pages) with ListTagsForResource per
    /// registration; then for each found one DescribeRegistrationVersions and DescribeRegistrationFieldValues of its
    /// current version.
    func read(_ targets: [ReadTarget]) async throws -> [ResourceAddress: LiveState<RegistrationLive>] {
        var all: [JSONValue]?
        var tags: [String: [String: String]] = [:]
        var result: [ResourceAddress: LiveState<RegistrationLive>] = [:]
        for target in targets {
            let adopted = RegistrationHandler.spec(target.desired)?.adopt?.value
            let known = target.status?.resource["id"] ?? adopted
            var found: LiveState<RegistrationLive>
            if let known {
                found = try await byId(known, target: target)
                if case .absent = found, adopted == nil {
                    // The recorded one is gone (deleted by hand, or replaced by a run that stopped before it recorded
                    // the new one, which carries this address's tags for this owner): one of this owner's with the
                    // address's tags is this resource's (also when its manifest was removed since), several are
                    // refused as duplicates; another owner's or an owner-less one stays absent, as before.
                    if all == nil { all = try await sms.registrations() }
                    switch try await byTags(target, in: all ?? [], tags: &tags) {
                    case .owned(let live): found = .owned(live)
                    case .duplicate(let ids): found = .duplicate(ids: ids)
                    case .absent, .foreign, .legacy, .otherOwner: break
                    }
                }
            } else if target.desired != nil {
                if all == nil { all = try await sms.registrations() }
                found = try await byTags(target, in: all ?? [], tags: &tags)
            } else {
                found = .absent
            }
            var completed = try await complete(found, recorded: target.status?.resource ?? [:],
                                               submits: RegistrationHandler.spec(target.desired)?.submits == true)
            if var live = completed.value, Self.deletes(live, for: target) {
                // AWS refuses DeleteRegistration while a number is associated.
                live.associations = try await sms.registrationAssociations(id: live.id)
                completed = completed.map { _ in live }
            }
            result[target.address] = completed
        }
        return result
    }

    /// Whether the plan deletes `live` if it is `target`'s: its manifest was removed, or names another
    /// `registrationType` (a replacement, under `onImmutableChange: Recreate`).
    static func deletes(_ live: RegistrationLive, for target: ReadTarget) -> Bool {
        guard let desired = target.desired, let spec = RegistrationHandler.spec(desired) else { return true }
        return spec.registrationType.value != live.type && desired.policy.onImmutableChange.value == .recreate
    }

    /// The registration `id` (or ARN), classified by its tags.
    private func byId(_ id: String, target: ReadTarget) async throws -> LiveState<RegistrationLive> {
        let information: JSONValue?
        do {
            information = try await sms.registrationInformation(id: id)
        } catch let error as AWSError where error.code == "ValidationException" {
            information = nil  // an id AWS refuses (e.g. a malformed spec.adopt) is this target's alone: not found
        }
        guard let json = information,
              let arn = json["RegistrationArn"]?.stringValue,
              json["RegistrationStatus"]?.stringValue != "DELETED",
              let tags = try await sms.listTagsForResource(arn: arn) else { return .absent }
        guard let live = RegistrationLive(json, region: region, tags: tags) else {
            throw RegistrationError.unreadable("DescribeRegistrations")
        }
        return .classified(live, tags: tags, as: target, owner: owner)
    }

    /// The registration carrying `target`'s ownership tags, among `all`.
    private func byTags(_ target: ReadTarget, in all: [JSONValue],
                        tags: inout [String: [String: String]]) async throws -> LiveState<RegistrationLive> {
        var marked: [(live: RegistrationLive, id: String, tags: [String: String])] = []
        for json in all where json["RegistrationStatus"]?.stringValue != "DELETED" {
            guard let arn = json["RegistrationArn"]?.stringValue else { continue }
            let found: [String: String]
            if let cached = tags[arn] { found = cached } else {
                guard let listed = try await sms.listTagsForResource(arn: arn) else { continue }
                tags[arn] = listed
                found = listed
            }
            guard OwnershipTags.marks(found, as: target) else { continue }
            guard let live = RegistrationLive(json, region: region, tags: found) else {
                throw RegistrationError.unreadable("DescribeRegistrations")
            }
            marked.append((live, live.id, found))
        }
        return .choosing(marked, as: target, owner: owner)
    }

    /// Adds the current version, its reviewer's reasons and its field values, and the recorded attachment hashes;
    /// for a draft the manifest `submits` of a type associated before it is submitted, whether a number is
    /// associated (one ListRegistrationAssociations).
    private func complete(_ found: LiveState<RegistrationLive>, recorded: [String: String],
                          submits: Bool) async throws -> LiveState<RegistrationLive> {
        guard var live = found.value else { return found }
        let versions = try await sms.describeRegistrationVersions(id: live.id)
        if let current = versions.first(where: { $0.status != "DISCARDED" }) {
            live.version = current.number
            live.versionStatus = current.status
            live.deniedReasons = current.status == "DENIED" ? current.deniedReasons : []
            let values = try await sms.registrationFieldValues(id: live.id, version: current.number)
            live.values = Dictionary(values.compactMap(RegistrationLive.value), uniquingKeysWith: { _, last in last })
        }
        live.attachmentHashes = RegistrationOutputs.attachmentHashes(in: recorded)
        if submits, RegistrationDefinitions.associateBeforeSubmit.contains(live.type), !live.isSubmitted {
            live.associated = !(try await sms.registrationAssociations(id: live.id)).isEmpty
        }
        try await readHashTags(&live)
        return found.map { _ in live }
    }

    /// The content hash of each attachment of the current version that status does not record, from the
    /// `smsauth:sha256` tag smsauth puts on every attachment it uploads (DescribeRegistrationAttachments for their
    /// ARNs, then ListTagsForResource per attachment): so a lost status, an adopted registration or a run killed
    /// before status was written never makes an unchanged file look changed. No call when status knows them all.
    private func readHashTags(_ live: inout RegistrationLive) async throws {
        let unknown = live.values.values.compactMap { value -> String? in
            if case .attachment(let id) = value, live.attachmentHashes[id] == nil { return id }
            return nil
        }
        guard !unknown.isEmpty else { return }
        for (id, arn) in try await sms.registrationAttachmentArns(ids: Array(Set(unknown)).sorted()) {
            if let hash = try await sms.listTagsForResource(arn: arn)?[RegistrationAttachmentFile.hashTag] {
                live.attachmentHashes[id] = hash
            }
        }
    }
}
