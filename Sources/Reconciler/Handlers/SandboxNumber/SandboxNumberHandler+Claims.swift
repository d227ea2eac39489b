import Manifests

extension SandboxNumberHandler {
    /// Same phone number in the same region's sandbox of the same service.
    func claims(_ desired: DesiredResource, live: SandboxNumberLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired) else { return false }
        return live.phoneNumber == spec.phoneNumber.value && live.region == desired.region
            && live.service == desired.sandboxService ?? .sns
    }
}
