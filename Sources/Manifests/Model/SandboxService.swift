/// Which sandbox a `SandboxNumber`'s number is added to: Amazon SNS's SMS sandbox, or End User Messaging SMS's
/// verified destination numbers. A number only helps a pool whose SMS goes through the same service, so unless the
/// manifest says (`spec.service`), the number follows the pools that send SMS from its region (`PoolSmsServices`).
public enum SandboxService {
    /// The sandbox of `service` in words: "SNS SMS sandbox" or "End User Messaging SMS sandbox".
    public static func sandboxName(_ service: SmsService) -> String {
        switch service {
        case .sns: "SNS SMS sandbox"
        case .endUserMessaging: "End User Messaging SMS sandbox"
        }
    }
}

/// The services the UserPool manifests of a set send SMS through, by the region they send from: through SNS from
/// `smsRegion` (else the pool's region), through End User Messaging from the pool's own region. Read once per set of
/// manifests (asking per SandboxNumber walked every manifest for each number: quadratic, 80 % of validating 10,000
/// manifests).
public struct PoolSmsServices: Sendable {
    /// Services by sending region (nil: no region known).
    private let byRegion: [String?: Set<SmsService>]

    /// Reads the UserPool manifests of `manifests` that send SMS; a pool without a region is in `defaultRegion`.
    public init(manifests: some Sequence<Manifest>, defaultRegion: String?) {
        var byRegion: [String?: Set<SmsService>] = [:]
        for manifest in manifests {
            guard case .userPool(let pool) = manifest.spec, pool.sendsSms else { continue }
            let service = pool.smsService?.value ?? .sns
            let poolRegion = pool.region?.value ?? defaultRegion
            let sendingRegion = service == .sns ? pool.smsRegion?.value ?? poolRegion : poolRegion
            byRegion[sendingRegion, default: []].insert(service)
        }
        self.byRegion = byRegion
    }

    /// The services of the pools that send SMS from `region`.
    public func sendingFrom(_ region: String?) -> Set<SmsService> {
        byRegion[region] ?? []
    }

    /// The sandbox of a SandboxNumber in `region`: `spec.service` when set; else the one service the pools sending SMS
    /// from `region` use, SNS when none does; nil when they use both (then the manifest must say, validation's
    /// `sandbox-service-ambiguous`).
    public func sandbox(of spec: SandboxNumberSpec, region: String?) -> SmsService? {
        if let chosen = spec.service?.value { return chosen }
        let used = sendingFrom(region)
        return used.count > 1 ? nil : used.first ?? .sns
    }
}
