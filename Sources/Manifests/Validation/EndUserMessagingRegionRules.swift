/// Whether AWS offers End User Messaging SMS (origination numbers, protect configurations, configuration sets) in a
/// region, as far as botocore's endpoint data knows (`EndUserMessagingRegionRules.unsupportedRegions`).
public enum EndUserMessagingRegions {
    /// False only for a region botocore lists without `sms-voice`; true for every other, a new region included.
    public static func isOffered(in region: String) -> Bool {
        !EndUserMessagingRegionRules.unsupportedRegions.contains(region)
    }
}

/// Where AWS End User Messaging SMS (pinpoint-sms-voice-v2, endpoint prefix `sms-voice`) is not offered, and the rule
/// that keeps its kinds out of those regions: AWS would only refuse them when smsauth first reads them.
enum EndUserMessagingRegionRules {
    /// Regions of AWS's partitions that have no `sms-voice` endpoint: every region a partition of botocore's
    /// `data/endpoints.json` lists, less those its `sms-voice` service lists (botocore 1.44.5, the emulator's pin in
    /// scripts/emulator/requirements.txt, read 2026-12-05; Tests/Python/test_eum_regions.py compares). A region
    /// botocore does not know (a new one) is not here: nothing is reported for it.
    static let unsupportedRegions: Set<String> = [
        "ap-east-1", "ap-southeast-5", "ap-southeast-7",  // aws
        "cn-north-1", "cn-northwest-1",  // aws-cn
        "us-iso-east-1", "us-iso-west-1",  // aws-iso
        "us-isob-east-1", "us-isob-west-1",  // aws-iso-b
        "eu-isoe-west-1",  // aws-iso-e
        "us-isof-east-1", "us-isof-south-1",  // aws-iso-f
    ]

    /// Every kind that lives in End User Messaging SMS (ConfigurationSet, SmsProtection, OriginationIdentity,
    /// PhonePool, a UserPool on `smsService: endUserMessaging`, a SandboxNumber in End User Messaging's sandbox) is
    /// in a region that offers it: an
    /// `eum-region-unsupported` error at `spec.region`, or, when the region is the default, at the pool's
    /// `spec.smsService` or the manifest.
    static let offered: Validator.Rule = { context in
        context.manifests.compactMap { manifest -> Diagnostic? in
            var fallback = (location: manifest.location, field: "spec")
            switch manifest.spec {
            case .configurationSet, .smsProtection, .originationIdentity, .phonePool, .registration:
                break
            case .userPool(let spec):
                guard let service = spec.smsService, service.value == .endUserMessaging else { return nil }
                fallback = (service.location, "spec.smsService")
            case .sandboxNumber(let spec):
                guard context.sandboxService(of: manifest, spec) == .endUserMessaging else { return nil }
                if let service = spec.service { fallback = (service.location, "spec.service") }
            default:
                return nil
            }
            guard let region = context.region(of: manifest), unsupportedRegions.contains(region) else { return nil }
            let own = manifest.spec.region
            let which = own == nil ? "the default region, \(region)," : region
            return .error("eum-region-unsupported", "\(manifest.kind.rawValue) '\(manifest.metadata.name.value)' uses "
                          + "AWS End User Messaging SMS, which \(which) does not offer: choose a region that has it",
                          at: own?.location ?? fallback.location, field: own == nil ? fallback.field : "spec.region")
        }
    }
}
