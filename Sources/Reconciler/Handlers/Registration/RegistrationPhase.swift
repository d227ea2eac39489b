/// A registration's phase from AWS's registration status and its current version's status.
enum RegistrationPhase {
    /// Ready when `COMPLETE`; needs attention when the current version was denied or revoked (or AWS says
    /// `REQUIRES_UPDATES`), with the reviewer's reasons; otherwise pending, with AWS's statuses.
    static func of(_ live: RegistrationLive) -> LivePhase {
        if live.status == "COMPLETE" { return .ready }
        if ["DENIED", "REVOKED"].contains(live.versionStatus) || live.status == "REQUIRES_UPDATES" {
            return .needsAttention(message(live))
        }
        return .pending(message(live))
    }

    /// What the registration waits for: `registration SUBMITTED, version 1 SUBMITTED: waiting for AWS's review`, …
    static func message(_ live: RegistrationLive) -> String {
        let statuses = "registration \(live.status), version \(live.version) \(live.versionStatus)"
        switch live.versionStatus {
        case "DENIED":
            return "\(statuses): needs updates: denied by the reviewer: \(reasons(live)); change the fields in the "
                + "manifest to submit a new version"
        case "DRAFT" where live.awaitsAssociation:
            return "\(statuses): \(RegistrationWait.association) (an OriginationIdentity naming it in "
                + "spec.phoneNumber.registration) before it is submitted (\(RegistrationWait.behavior))"
        case "DRAFT" where live.associated == true:
            return "\(statuses): not submitted yet: a number is associated now (\(RegistrationWait.behavior)), "
                + RegistrationWait.submission
        case "DRAFT":
            return "\(statuses): not submitted (set spec.submit: true when its fields are complete)"
        case "REVOKED":
            return "\(statuses): revoked by AWS"
        default:
            return "\(statuses): waiting for AWS's review"
        }
    }

    /// The reviewer's reasons, joined; "no reason given" without any.
    static func reasons(_ live: RegistrationLive) -> String {
        live.deniedReasons.isEmpty ? "no reason given" : live.deniedReasons.joined(separator: "; ")
    }

    /// The plan's warnings about `live`: the reviewer's reasons of a denied version.
    static func warnings(_ live: RegistrationLive) -> [String] {
        guard live.versionStatus == "DENIED" else { return [] }
        return ["version \(live.version) was DENIED by the reviewer: \(reasons(live))"]
    }
}
