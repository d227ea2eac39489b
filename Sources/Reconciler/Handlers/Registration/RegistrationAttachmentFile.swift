import AWSCore
import Foundation
import Manifests

/// An attachment file of a manifest: found relative to the manifest's file, identified by its content's SHA-256.
struct RegistrationAttachmentFile: Sendable, Equatable {
    /// The AWS field path.
    var path: String
    /// The file as the manifest writes it.
    var file: String
    /// The file as opened (the manifest's folder joined with `file`).
    var resolved: String

    /// The attachments of `spec`, in `manifest`'s folder.
    static func all(_ spec: RegistrationSpec, manifest: Manifest) -> [RegistrationAttachmentFile] {
        let folder = (manifest.location.file as NSString).deletingLastPathComponent
        return (spec.attachments?.value ?? []).map {
            RegistrationAttachmentFile(path: $0.path.value, file: $0.file.value,
                                       resolved: (folder as NSString).appendingPathComponent($0.file.value))
        }
    }

    /// What keeps the file from being uploaded (missing, a directory, unreadable, not PDF/JPEG/PNG, larger than
    /// 5 MB: `RegistrationRules.attachmentProblem`, from metadata only); nil when it can be.
    func problem() -> String? { RegistrationRules.attachmentProblem(resolved).map { "file '\(file)' \($0.message)" } }

    /// The file's bytes, nil when it cannot be uploaded (`problem()`, checked before reading) or read.
    func contents() -> Data? { problem() == nil ? FileManager.default.contents(atPath: resolved) : nil }

    /// `sha256:<hex>` of the file's bytes, as plans show an attachment, hashed while streaming it; nil when it
    /// cannot be uploaded (`problem()`, checked before reading) or read.
    func planValue() -> String? {
        guard problem() == nil, let digest = Digest.sha256(fileAt: resolved), !digest.isEmpty else { return nil }
        return Self.planValue(hash: digest.hexEncodedString())
    }

    /// The hex SHA-256 of `data`.
    static func hash(_ data: Data) -> String { Digest.sha256Hex(data) }

    /// The tag smsauth puts on each attachment it uploads: the hex SHA-256 of its content (AWS never returns an
    /// attachment's content, so this is how the live side knows it).
    static let hashTag = "smsauth:sha256"

    /// `sha256:<hex>`.
    static func planValue(hash: String) -> String { "sha256:" + hash }
}
