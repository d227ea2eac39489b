import AWSServices
import Manifests

/// Finds the origination identities of one region by their ownership tags (see `OriginationIdentityHandler.read`).
struct OriginationIdentityReader {
    /// End User Messaging SMS in the region.
    let sms: SMSVoice
    /// The region.
    let region: String
    /// The run's owner: only identities tagged for it are owned.
    let owner: String?
    /// Tags already listed in this read, by ARN (a number is a candidate of several manifests at most once).
    private var tagCache: [String: [String: String]] = [:]
    /// Identities looked at for the current target that carry its ownership tags for another owner or none.
    private var notMine: [OriginationIdentityState] = []

    /// Creates a reader for `region` and the run's `owner`.
    init(sms: SMSVoice, region: String, owner: String?) {
        self.sms = sms
        self.region = region
        self.owner = owner
    }

    /// Reads every target of this region: one DescribePhoneNumbers and one filtered DescribeSenderIds (each only if
    /// a target needs it), then ListTagsForResource per candidate.
    mutating func read(_ targets: [ReadTarget]) async throws -> [ResourceAddress: LiveState<OriginationIdentityLive>] {
        let numbers = targets.contains(where: Self.needsNumbers)
            ? try await sms.describePhoneNumbers().filter { $0["Status"]?.stringValue != "DELETED" } : []
        let senderIds = Set(targets.flatMap(Self.senderIdNames)).sorted()
        let senders = senderIds.isEmpty ? [] : try await sms.describeSenderIds(
            filters: [["Name": "sender-id", "Values": .strings(senderIds)]])
        var result: [ResourceAddress: LiveState<OriginationIdentityLive>] = [:]
        for target in targets {
            result[target.address] = try await read(target, numbers: numbers, senders: senders)
        }
        return result
    }

    /// The live state of one target.
    private mutating func read(_ target: ReadTarget, numbers: [JSONValue],
                               senders: [JSONValue]) async throws -> LiveState<OriginationIdentityLive> {
        let spec = OriginationIdentityHandler.spec(target.desired)
        if let adopt = spec?.adopt?.value {
            guard let item = Self.find(adopt, numbers: numbers, senders: senders) else { return .absent }
            let state = try await state(of: item)
            return .classified(OriginationIdentityLive(identity: state), tags: state.tags, as: target, owner: owner)
        }
        notMine = []
        let resource = target.status?.resource ?? [:]
        let superseded = resource[OriginationIdentityHandler.supersedesKey]?.split(separator: ",").map(String.init) ?? []
        let current = [resource["id"], resource["arn"]].compactMap { $0 }
        let recorded = current + superseded
        var owned: [OriginationIdentityState] = []
        // The recorded identity found without this target's ownership tags (removed or changed by hand, or taken
        // by another manifest's adopt): foreign, never absent, so that nothing is bought in its place.
        var unmarked: OriginationIdentityState?
        for item in (numbers + senders).filter({ Self.isRecorded($0, recorded) }) {
            let state = try await state(of: item)
            if isMine(state, target) { owned.append(state) }
            if unmarked == nil, !OwnershipTags.marks(state.tags, as: target), Self.isRecorded(item, current) {
                unmarked = state
            }
        }
        guard let spec else {
            // The identity the status records as current, not the first listed: a rename is paired by its fields.
            let recordedCurrent = owned.first { current.contains($0.id) || current.contains($0.arn) } ?? owned.first
            return recordedCurrent.map { found in
                .owned(OriginationIdentityLive(identity: found, superseded: owned.filter { $0.id != found.id }))
            } ?? notMineState(target)
        }
        if !owned.contains(where: { OriginationIdentityFields.matchesImmutable($0, spec) }) {
            let matching = try await firstOwned(among: numbers + senders, target: target, excluding: owned) { state in
                OriginationIdentityFields.matchesImmutable(state, spec)
            }
            owned.insert(contentsOf: matching, at: 0)
        }
        if owned.isEmpty, spec.phoneNumber != nil, target.status?.resource["id"] == nil {
            owned = try await firstOwned(among: numbers, target: target, excluding: []) { _ in true }
        }
        if let current = owned.first(where: { OriginationIdentityFields.matchesImmutable($0, spec) }) ?? owned.first {
            return .owned(OriginationIdentityLive(identity: current, superseded: owned.filter { $0.id != current.id }))
        }
        if case .absent = notMineState(target) {
            if let unmarked { return .foreign(OriginationIdentityLive(identity: unmarked)) }
            return try await foreignSender(spec, senders: senders)
        }
        return notMineState(target)
    }

    /// Whether `state` carries `target`'s ownership tags for this owner; one that carries them for another owner
    /// (or none) is remembered in `notMine`.
    private mutating func isMine(_ state: OriginationIdentityState, _ target: ReadTarget) -> Bool {
        switch OwnershipTags.claim(state.tags, as: target, owner: owner) {
        case .mine?: return true
        case .legacy?, .otherOwner?:
            if !notMine.contains(where: { $0.id == state.id }) { notMine.append(state) }
            return false
        case nil: return false
        }
    }

    /// The state of the first identity looked at that carries `target`'s tags for another owner or none (legacy or
    /// another owner's), else absent.
    private func notMineState(_ target: ReadTarget) -> LiveState<OriginationIdentityLive> {
        guard let first = notMine.first else { return .absent }
        return .classified(OriginationIdentityLive(identity: first), tags: first.tags, as: target, owner: owner)
    }

    /// The first item (in order) that `matches` and carries the target's ownership tags, listing tags only for items
    /// that match.
    private mutating func firstOwned(among items: [JSONValue], target: ReadTarget, excluding: [OriginationIdentityState],
                                     matches: (OriginationIdentityState) -> Bool) async throws -> [OriginationIdentityState] {
        for item in items {
            guard let bare = Self.state(of: item, region: region, tags: [:]), matches(bare),
                  !excluding.contains(where: { $0.id == bare.id }) else { continue }
            let state = try await state(of: item)
            if isMine(state, target) { return [state] }
        }
        return []
    }

    /// A sender ID that exists with the manifest's SenderId and country but without our tags.
    private mutating func foreignSender(_ spec: OriginationIdentitySpec,
                                        senders: [JSONValue]) async throws -> LiveState<OriginationIdentityLive> {
        guard let wanted = spec.senderId, let item = senders.first(where: {
            $0["SenderId"]?.stringValue == wanted.senderId.value
                && $0["IsoCountryCode"]?.stringValue == wanted.isoCountryCode.value
        }) else { return .absent }
        return .foreign(OriginationIdentityLive(identity: try await state(of: item)))
    }

    /// The state of a described item with its tags (listed once per ARN).
    private mutating func state(of item: JSONValue) async throws -> OriginationIdentityState {
        let arn = item["PhoneNumberArn"]?.stringValue ?? item["SenderIdArn"]?.stringValue ?? ""
        let tags: [String: String]
        if let cached = tagCache[arn] {
            tags = cached
        } else {
            guard let listed = try await sms.listTagsForResource(arn: arn) else {
                throw OriginationIdentityError.vanished(arn)
            }
            tags = listed
            tagCache[arn] = tags
        }
        guard let state = Self.state(of: item, region: region, tags: tags) else {
            throw OriginationIdentityError.unreadable(arn)
        }
        return state
    }

    /// The state of a DescribePhoneNumbers or DescribeSenderIds item.
    static func state(of item: JSONValue, region: String, tags: [String: String]) -> OriginationIdentityState? {
        item["PhoneNumberId"] != nil
            ? OriginationIdentityState(phoneNumber: item, region: region, tags: tags)
            : OriginationIdentityState(senderId: item, region: region, tags: tags)
    }

    /// The item whose id or ARN is `reference`.
    static func find(_ reference: String, numbers: [JSONValue], senders: [JSONValue]) -> JSONValue? {
        (numbers + senders).first { isRecorded($0, [reference]) }
    }

    /// Whether the item's id or ARN is one of `references`.
    static func isRecorded(_ item: JSONValue, _ references: [String]) -> Bool {
        let keys = [item["PhoneNumberId"], item["PhoneNumberArn"], item["SenderIdArn"]].compactMap { $0?.stringValue }
        return keys.contains(where: references.contains)
    }

    /// Whether the target may be (or may have been) a phone number.
    static func needsNumbers(_ target: ReadTarget) -> Bool {
        if let spec = OriginationIdentityHandler.spec(target.desired),
           spec.phoneNumber != nil || spec.adopt.map({ !isSenderArn($0.value) }) == true {
            return true
        }
        return target.status?.resource["phoneNumber"] != nil
            || target.status?.resource["id"].map { !isSenderArn($0) } == true
    }

    /// The SenderId values to describe for the target: its manifest's, its recorded one, its adopted one.
    static func senderIdNames(_ target: ReadTarget) -> [String] {
        let spec = OriginationIdentityHandler.spec(target.desired)
        let adopted = spec?.adopt.flatMap { senderIdName(ofArn: $0.value) }
        let recorded = target.status?.resource["arn"].flatMap(senderIdName(ofArn:))
        return [spec?.senderId?.senderId.value, adopted, recorded].compactMap { $0 }
    }

    /// Whether `value` is a sender ID ARN (`…:sender-id/<SenderId>/<country>`).
    static func isSenderArn(_ value: String) -> Bool { value.contains(":sender-id/") }

    /// The SenderId of a sender ID ARN.
    static func senderIdName(ofArn arn: String) -> String? {
        guard isSenderArn(arn) else { return nil }
        let parts = arn.split(separator: "/")
        return parts.count >= 3 ? String(parts[parts.count - 2]) : nil
    }
}
