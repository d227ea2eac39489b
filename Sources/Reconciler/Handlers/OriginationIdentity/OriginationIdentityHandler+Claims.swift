import Manifests

extension OriginationIdentityHandler {
    /// The identity `spec.adopt` names; without `adopt`, an identity in the manifest's region that is the purchase
    /// the manifest describes (its immutable fields: number type and country, or the sender ID itself).
    func claims(_ desired: DesiredResource, live: OriginationIdentityLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired) else { return false }
        let state = live.identity
        if let adopt = spec.adopt?.value { return [state.id, state.arn].contains(adopt) }
        return state.region == desired.region && OriginationIdentityFields.matchesImmutable(state, spec)
    }
}
