/// The outputs a registration records in status: `id`, `arn`, `region`, `type`, AWS's `status` and the current
/// version's `versionStatus` (what a number associated with it shows while it waits), and
/// `attachment.<attachment id>` = the SHA-256 (hex) of the file uploaded as it, so a file is uploaded once per content.
enum RegistrationOutputs {
    /// The prefix of an attachment's output key.
    static let attachmentPrefix = "attachment."

    /// The outputs of `live`.
    static func of(_ live: RegistrationLive) -> [String: String] {
        var outputs = ["id": live.id, "arn": live.arn, "region": live.region, "type": live.type, "status": live.status,
                       "versionStatus": live.versionStatus]
        for (id, hash) in live.attachmentHashes { outputs[attachmentPrefix + id] = hash }
        return outputs
    }

    /// Attachment id → hash, from recorded outputs.
    static func attachmentHashes(in outputs: [String: String]) -> [String: String] {
        var hashes: [String: String] = [:]
        for (key, value) in outputs where key.hasPrefix(attachmentPrefix) {
            hashes[String(key.dropFirst(attachmentPrefix.count))] = value
        }
        return hashes
    }
}
