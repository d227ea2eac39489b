/// Which sandbox a `SandboxNumber`'s number is added to: Amazon SNS's SMS sandbox, or End User Messaging SMS's
/// verified destination numbers. A number only helps a pool whose SMS goes through the same service, so unless the
/// manifest says (`spec.service`), the number follows the pools that send SMS from its region.
public enum SandboxService {
    /// `spec.service` when set; else the one service the UserPool manifests sending SMS from `region` use, SNS when
    /// none does; nil when they use both (then the manifest must say, validation's `sandbox-service-ambiguous`).
    public static func resolve(_ spec: SandboxNumberSpec, region: String?, manifests: some Sequence<Manifest>,
                               defaultRegion: String?) -> SmsService? {
        if let chosen = spec.service?.value { return chosen }
        let used = poolServices(sendingFrom: region, manifests: manifests, defaultRegion: defaultRegion)
        return used.count > 1 ? nil : used.first ?? .sns
    }

    /// The sandbox of `service` in words: "SNS SMS sandbox" or "End User Messaging SMS sandbox".
    public static func sandboxName(_ service: SmsService) -> String {
        switch service {
        case .sns: "SNS SMS sandbox"
        case .endUserMessaging: "End User Messaging SMS sandbox"
        }
    }

    /// The services of the UserPool manifests that send SMS from `region`: through SNS from `smsRegion` (else the
    /// pool's region), through End User Messaging from the pool's own region.
    public static func poolServices(sendingFrom region: String?, manifests: some Sequence<Manifest>,
                                    defaultRegion: String?) -> Set<SmsService> {
        var used = Set<SmsService>()
        for manifest in manifests {
            guard case .userPool(let pool) = manifest.spec, pool.sendsSms else { continue }
            let service = pool.smsService?.value ?? .sns
            let poolRegion = pool.region?.value ?? defaultRegion
            let sendingRegion = service == .sns ? pool.smsRegion?.value ?? poolRegion : poolRegion
            if sendingRegion == region { used.insert(service) }
        }
        return used
    }
}
