import Manifests

extension PhonePoolHandler {
    /// The pool `spec.adopt` names; without `adopt`, a pool in the manifest's region whose members are exactly the
    /// origination identities the manifest lists (by their ids as read in this run).
    func claims(_ desired: DesiredResource, live: PhonePoolLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired) else { return false }
        if let adopt = spec.adopt?.value { return [live.id, live.arn].contains(adopt) }
        let ids = spec.originationIdentities.value.compactMap {
            references[ResourceAddress(kind: .originationIdentity, name: $0.value)]?["id"]
        }
        guard live.region == desired.region, !ids.isEmpty, ids.count == live.members.count else { return false }
        return ids.allSatisfy { id in live.members.contains { $0.isIdentified(by: id) } }
    }
}
