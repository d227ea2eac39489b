import Foundation
import Manifests

/// What the region's sandbox (SNS's ListSMSSandboxPhoneNumbers or End User Messaging's
/// DescribeVerifiedDestinationNumbers) says about one destination number, plus what `read` found on disk about the
/// manifest's one-time password file (so `plan` can stay pure).
public struct SandboxNumberLive: Sendable, Equatable {
    /// The manifest's `metadata.name` (for the "how to verify" message).
    public var name: String
    /// E.164 number as listed.
    public var phoneNumber: String
    /// Region whose sandbox lists it.
    public var region: String
    /// The sandbox that lists it.
    public var service: SmsService
    /// End User Messaging's `VerifiedDestinationNumberId` (nil in SNS's sandbox, where the number is the id).
    public var id: String?
    /// End User Messaging's `VerifiedDestinationNumberArn`, which its tags are written to (nil in SNS's sandbox).
    public var arn: String?
    /// `Pending` until the one-time password is verified, then `Verified`.
    public var status: SandboxNumberStatus
    /// `spec.oneTimePasswordFile` as written in the manifest, when set.
    public var oneTimePasswordFile: String?
    /// Whether that file exists (checked by `read`; its content is only read by `apply`).
    public var oneTimePasswordFileExists: Bool
    /// Whether a run for this resource added the number (its status file says so, `origin: added`), rather than
    /// finding it already listed (no `origin`). SNS's sandbox numbers take no tags: a number listed before this
    /// manifest folder recorded it may be another folder's or a person's, so only an added one is ever deleted.
    public var added: Bool
    /// The AWS account whose sandbox lists it (the run's), when known: its status records it, so that a status file
    /// carried to another account (one folder applied to staging, then production) never counts that account's
    /// number as added.
    public var account: String?
    /// Whether the manifest's number, when it is not this one (a new `phoneNumber`, region or sandbox), is already
    /// listed where the manifest puts it and is not this resource's (any SNS entry, which carries no tags; an End
    /// User Messaging entry not tagged for this address and this owner or none): a replacement would not add it, so
    /// it must never record it as added.
    public var replacementListed = false

    /// Creates a live number.
    public init(name: String, phoneNumber: String, region: String, service: SmsService = .sns, id: String? = nil,
                status: SandboxNumberStatus, oneTimePasswordFile: String? = nil, oneTimePasswordFileExists: Bool = false,
                added: Bool = false) {
        self.name = name
        self.phoneNumber = phoneNumber
        self.region = region
        self.service = service
        self.id = id
        self.status = status
        self.oneTimePasswordFile = oneTimePasswordFile
        self.oneTimePasswordFileExists = oneTimePasswordFileExists
        self.added = added
    }

    /// What the status says to do while the number is `Pending`. End User Messaging sends a code only when asked
    /// (smsauth asks right after adding the number, but AWS does not tell whether it was asked), so there the text
    /// does not claim one was sent.
    public var howToVerify: String {
        var text = service == .sns
            ? "waiting for the one-time password sent to \(phoneNumber) (\(SandboxService.sandboxName(service))): "
            : "waiting for \(phoneNumber) to be verified (\(SandboxService.sandboxName(service))): "
        text += "run `smsauth verify \(name) --code <code from the SMS>` (`--resend` sends a new one"
            + (service == .sns ? ")" : ", or the first if none arrived)")
        if let oneTimePasswordFile {
            text += " (or write the code to \(oneTimePasswordFile) and reconcile again)"
        }
        return text
    }
}

/// `Status` of a sandbox destination number (sns model `SMSSandboxPhoneNumberVerificationStatus`, sms-voice model
/// `VerificationStatus`).
public enum SandboxNumberStatus: String, Sendable, Equatable {
    /// A one-time password was sent; not verified yet.
    case pending = "Pending"
    /// Verified: SMS can be sent to it while the account is in the sandbox.
    case verified = "Verified"

    /// Parses AWS's spelling (SNS `Verified`, End User Messaging `VERIFIED`); anything else is still pending.
    public init(aws text: String) {
        self = text.uppercased() == "VERIFIED" ? .verified : .pending
    }
}

/// The `spec.oneTimePasswordFile` of a SandboxNumber manifest: where it is, and its code.
public enum OneTimePasswordFile {
    /// The file named by `path`, relative to the folder of the manifest file that names it (absolute paths as is).
    public static func url(_ path: String, relativeTo manifest: Manifest) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: manifest.location.file).deletingLastPathComponent().appendingPathComponent(path)
    }

    /// The code in the file: its content without surrounding whitespace, 5–8 digits. Errors never quote the content.
    public static func code(at url: URL) throws(SandboxNumberError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SandboxNumberError.unreadableCodeFile(path: url.path)
        }
        let code = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard isWellFormed(code) else { throw SandboxNumberError.malformedCodeFile(path: url.path) }
        return code
    }

    /// Whether `code` has the shape AWS accepts for `OneTimePassword`: 5 to 8 ASCII digits.
    public static func isWellFormed(_ code: String) -> Bool {
        (5...8).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
