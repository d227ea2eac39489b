import AWSServices
import Manifests

/// Brings the tags of an End User Messaging SMS resource to what its manifest says: ownership tags always, the
/// manifest's `tags` when it sets them (then other tags are removed; when it does not, they are left alone).
enum SMSVoiceTagSync {
    /// The tags a resource is created with: ownership tags (with `owner`'s) plus the manifest's.
    static func creationTags(_ manifestTags: [String: String]?, for address: ResourceAddress,
                             owner: String?) -> [String: String] {
        (manifestTags ?? [:]).merging(OwnershipTags.tags(for: address, owner: owner)) { _, ownership in ownership }
    }

    /// TagResource of the ownership tags of `address` (with `owner`'s) that `live` lacks, nothing else: a rename
    /// that changes nothing else (`WriteAction.retag`). No call when it has them all.
    static func retag(_ sms: SMSVoice, arn: String, live: [String: String], as address: ResourceAddress,
                      owner: String?) async throws {
        let missing = OwnershipTags.missing(from: live, for: address, owner: owner)
        if !missing.isEmpty { try await sms.tagResource(arn: arn, tags: missing) }
    }

    /// TagResource for missing or different tags and UntagResource for tags the manifest no longer lists: at most
    /// one call each, none when the tags already match.
    static func sync(_ sms: SMSVoice, arn: String, live: [String: String], manifestTags: [String: String]?,
                     for address: ResourceAddress, owner: String?) async throws {
        let wanted = creationTags(manifestTags, for: address, owner: owner)
        let changed = wanted.filter { live[$0.key] != $0.value }
        if !changed.isEmpty { try await sms.tagResource(arn: arn, tags: changed) }
        guard let manifestTags else { return }
        let stale = live.keys.filter { wanted[$0] == nil && manifestTags[$0] == nil }
        if !stale.isEmpty { try await sms.untagResource(arn: arn, keys: stale) }
    }
}
