import Manifests

/// What a handler found in AWS for one resource.
public enum LiveState<Live: Sendable>: Sendable {
    /// Nothing exists.
    case absent
    /// It exists and carries smsauth's ownership tags for this address and the run's owner (or, for kinds without
    /// tags, is identified unambiguously inside something owned: a pool's app client by recorded id or name, a
    /// sandbox number by its phone number).
    case owned(Live)
    /// Something exists where this resource would be, without our ownership tags: never touched unless the manifest
    /// adopts it (`spec.adopt`).
    case foreign(Live)
    /// It carries smsauth's ownership tags for this address without an owner tag, while the run has an owner
    /// (tagged by an earlier version): a manifest that names it claims it; it is never deleted or released.
    case legacy(Live)
    /// It carries smsauth's ownership tags for this address with another owner's `smsauth:owner`: refused, never
    /// updated, deleted or released.
    case otherOwner(Live, owner: String)
    /// Several resources carry this address's ownership tags for this owner (their ids): the plan fails for it
    /// and its dependents until the extra ones are deleted or untagged.
    case duplicate(ids: [String])

    /// The same state with its live value transformed by `transform`.
    public func map<Other: Sendable>(_ transform: (Live) throws -> Other) rethrows -> LiveState<Other> {
        switch self {
        case .absent: .absent
        case .owned(let live): .owned(try transform(live))
        case .foreign(let live): .foreign(try transform(live))
        case .legacy(let live): .legacy(try transform(live))
        case let .otherOwner(live, owner): .otherOwner(try transform(live), owner: owner)
        case .duplicate(let ids): .duplicate(ids: ids)
        }
    }

    /// The live value, owned or not.
    public var value: Live? {
        switch self {
        case .absent, .duplicate: nil
        case let .owned(live), let .foreign(live), let .legacy(live), let .otherOwner(live, _): live
        }
    }
}

/// Whether a live resource is usable yet.
public enum LivePhase: Sendable, Equatable {
    /// Exists and works.
    case ready
    /// Exists but is waiting for something outside smsauth (an OTP, number provisioning); the message says what.
    case pending(String)
    /// Exists but AWS waits on the user (a registration the reviewer denied: its manifest must change); the message
    /// says what. Counts as pending for dependents.
    case needsAttention(String)
}

extension LiveState {
    /// The state of the live resource found by its identity (a role's name, a pool's id) with `tags` for `target` in
    /// a run of `owner`: owned, legacy or another owner's when the tags mark it as the target's (its address, or its
    /// former address for this owner: `OwnershipTags.claim(_:as:owner:)`); another owner's, too, when they mark it as
    /// any resource of another owner (a manifest under another name or kind must never adopt or take it over); else
    /// foreign.
    public static func classified(_ live: Live, tags: [String: String], as target: ReadTarget,
                                  owner: String?) -> LiveState {
        switch OwnershipTags.claim(tags, as: target, owner: owner) {
        case .mine?: .owned(live)
        case .legacy?: .legacy(live)
        case .otherOwner(let found)?: .otherOwner(live, owner: found)
        case nil: OwnershipTags.otherOwner(of: tags, owner: owner).map { .otherOwner(live, owner: $0) } ?? .foreign(live)
        }
    }

    /// The state when `candidates` (with their ids and tags) all carry `target`'s ownership tags: the one of this
    /// owner; else the one legacy resource; else another owner's; `duplicate` when this owner (or, without one of
    /// its own, the legacy ones) has several; `absent` when there are none.
    public static func choosing(_ candidates: [(live: Live, id: String, tags: [String: String])],
                                as target: ReadTarget, owner: String?) -> LiveState {
        var mine: [(Live, String)] = []
        var legacy: [(Live, String)] = []
        var others: [(Live, String)] = []
        for candidate in candidates {
            switch OwnershipTags.claim(candidate.tags, as: target, owner: owner) {
            case .mine?: mine.append((candidate.live, candidate.id))
            case .legacy?: legacy.append((candidate.live, candidate.id))
            case .otherOwner(let found)?: others.append((candidate.live, found))
            case nil: continue
            }
        }
        if mine.count > 1 { return .duplicate(ids: mine.map(\.1).sorted()) }
        if let only = mine.first { return .owned(only.0) }
        if legacy.count > 1 { return .duplicate(ids: legacy.map(\.1).sorted()) }
        if let only = legacy.first { return .legacy(only.0) }
        if let other = others.first { return .otherOwner(other.0, owner: other.1) }
        return .absent
    }
}
