import Manifests

extension DesiredState {
    /// An AppClient with `spec.outputs` also depends on the MfaPolicy of its pool: the document it writes carries
    /// the pool's MFA mode and factors, so it is written after the MfaPolicy is applied (else the first apply
    /// would write the old MFA settings and the next run would rewrite them).
    static func outputsDependencies(of manifest: Manifest, in manifests: [ResourceAddress: Manifest]) -> [ResourceAddress] {
        guard case .appClient(let client) = manifest.spec, client.outputs != nil else { return [] }
        return manifests.values.compactMap { other in
            guard case .mfaPolicy(let policy) = other.spec, policy.userPool.value == client.userPool.value else { return nil }
            return other.id
        }.sorted()
    }
}
