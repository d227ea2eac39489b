/// Which sandbox a SandboxNumber goes in (`SandboxService`).
enum SandboxRules {
    /// Without `spec.service`, the region's pools must all send SMS through one service (else the number's sandbox
    /// is unknown: an error); with it, a service no pool of the region uses is a warning when some pool there sends
    /// SMS through the other one (the number would not receive their codes).
    static let service: Validator.Rule = { context in
        context.sandboxNumbers.compactMap { manifest, spec in
            let region = context.region(of: manifest)
            let used = context.poolSmsServices.sendingFrom(region)
            guard let chosen = spec.service else {
                guard used.count > 1 else { return nil }
                return .error("sandbox-service-ambiguous", "UserPools in \(ValidationContext.describe(region)) send "
                              + "SMS through both SNS and End User Messaging, so the sandbox of SandboxNumber "
                              + "'\(manifest.metadata.name.value)' is not known: set 'spec.service' (sns or "
                              + "endUserMessaging), and declare the number once more for the other sandbox if it "
                              + "should receive both", at: spec.phoneNumber.location, field: "spec.service")
            }
            guard !used.isEmpty, !used.contains(chosen.value) else { return nil }
            return .warning("sandbox-service-unused", "no UserPool sends SMS from \(ValidationContext.describe(region)) "
                            + "through \(chosen.value.rawValue): the number in the "
                            + "\(SandboxService.sandboxName(chosen.value)) receives none of their codes; their "
                            + "service is \(used.map(\.rawValue).sorted().joined(separator: ", "))",
                            at: chosen.location, field: "spec.service")
        }
    }
}
