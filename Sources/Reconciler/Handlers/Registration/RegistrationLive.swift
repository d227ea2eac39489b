import AWSServices
import Manifests

/// A registration as smsauth reads it: DescribeRegistrations' `RegistrationInformation`, its tags, its current
/// version (the newest not discarded, DescribeRegistrationVersions) and that version's field values
/// (DescribeRegistrationFieldValues), with the content hashes of the attachments smsauth uploaded (from status).
struct RegistrationLive: Sendable, Equatable {
    /// `RegistrationId`.
    var id: String
    /// `RegistrationArn`.
    var arn: String
    /// The region.
    var region: String
    /// `RegistrationType`.
    var type: String
    /// `RegistrationStatus`: `CREATED`, `SUBMITTED`, `REVIEWING`, …, `COMPLETE`, `REQUIRES_UPDATES`, `CLOSED`.
    var status: String
    /// All tags, ownership tags included.
    var tags: [String: String]
    /// The current version's number (0 before versions are read).
    var version: Int
    /// The current version's `RegistrationVersionStatus`: `DRAFT`, `SUBMITTED`, …, `APPROVED`, `DENIED`.
    var versionStatus: String
    /// The reviewer's reasons when the current version is `DENIED` ("ShortDescription (Reason)").
    var deniedReasons: [String]
    /// The current version's values by field path.
    var values: [String: Value]
    /// SHA-256 (hex) of each attachment smsauth uploaded, by attachment id (recorded in status: AWS does not
    /// return an attachment's content).
    var attachmentHashes: [String: String]
    /// Whether an origination identity is associated with it (ListRegistrationAssociations), read only where it
    /// decides something: a draft of a type that is associated before it is submitted
    /// (`RegistrationDefinitions.associateBeforeSubmit`) whose manifest says `submit: true`; nil when not read.
    var associated: Bool?
    /// The phone numbers associated with it (ListRegistrationAssociations' `ResourceId`), read only when its manifest
    /// was removed (to predict DeleteRegistration's "has associated phone numbers"); nil when not read.
    var associations: [String]?

    /// One field's value.
    enum Value: Sendable, Equatable {
        /// `TextValue`.
        case text(String)
        /// `SelectChoices`.
        case choices([String])
        /// `RegistrationAttachmentId`.
        case attachment(String)
    }

    /// Reads a `RegistrationInformation`; nil without id or ARN.
    init?(_ json: JSONValue, region: String, tags: [String: String]) {
        guard let id = json["RegistrationId"]?.stringValue, let arn = json["RegistrationArn"]?.stringValue else {
            return nil
        }
        self.id = id
        self.arn = arn
        self.region = region
        type = json["RegistrationType"]?.stringValue ?? ""
        status = json["RegistrationStatus"]?.stringValue ?? ""
        self.tags = tags
        version = json["CurrentVersionNumber"]?.intValue ?? 0
        versionStatus = ""
        deniedReasons = []
        values = [:]
        attachmentHashes = [:]
        associated = nil
        associations = nil
    }

    /// Whether the current version was submitted (it is no longer a draft): editing it needs a new version.
    var isSubmitted: Bool { !versionStatus.isEmpty && versionStatus != "DRAFT" }

    /// Whether the current version is a draft that AWS submits only once a number is associated with the
    /// registration (`ASSOCIATE_BEFORE_SUBMIT`), and none is.
    var awaitsAssociation: Bool {
        RegistrationDefinitions.associateBeforeSubmit.contains(type) && !isSubmitted && associated == false
    }

    /// Whether the current version is with the reviewer: AWS refuses a new version until it is decided.
    var isUnderReview: Bool { ["SUBMITTED", "AWS_REVIEWING", "REVIEWING"].contains(versionStatus) }

    /// A DescribeRegistrationFieldValues entry as a path and value.
    static func value(_ json: JSONValue) -> (String, Value)? {
        guard let path = json["FieldPath"]?.stringValue else { return nil }
        if let attachment = json["RegistrationAttachmentId"]?.stringValue { return (path, .attachment(attachment)) }
        if let choices = json["SelectChoices"]?.arrayValue { return (path, .choices(choices.compactMap(\.stringValue))) }
        return json["TextValue"]?.stringValue.map { (path, .text($0)) }
    }
}
