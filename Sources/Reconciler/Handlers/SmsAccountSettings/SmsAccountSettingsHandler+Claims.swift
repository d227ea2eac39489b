import Manifests

extension SmsAccountSettingsHandler {
    /// Same region: an account has one set of SMS settings per region.
    func claims(_ desired: DesiredResource, live: SmsAccountSettingsLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard Self.spec(desired) != nil else { return false }
        return live.region == desired.region
    }
}
