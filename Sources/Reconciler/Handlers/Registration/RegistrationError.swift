/// Errors of the Registration handler itself (AWS errors propagate unchanged). Messages never hold a field value.
enum RegistrationError: ReconcileError, Equatable, CustomStringConvertible {
    /// An update or deletion was asked for a registration that was not read.
    case notRead(ResourceAddress)
    /// DescribeRegistrations, CreateRegistration or CreateRegistrationAttachment answered without an id or ARN.
    case unreadable(String)
    /// An attachment file could not be read at apply time.
    case attachmentUnreadable(path: String, file: String)
    /// The manifest's fields do not fit the field definitions AWS answered (`provenance`): each problem names its
    /// field and never repeats a TEXT value. Planned as a refusal, before anything is written.
    case fieldsDoNotFit(problems: [String], provenance: String)
    /// An attachment file AWS would refuse or that cannot be read: `problem` says why (a directory, not PDF/JPEG/PNG,
    /// larger than 5 MB, …).
    case attachmentInvalid(path: String, problem: String)

    /// Stable error code.
    var code: String {
        switch self {
        case .notRead: "registration.notRead"
        case .unreadable: "registration.unreadable"
        case .attachmentUnreadable: "registration.attachmentUnreadable"
        case .fieldsDoNotFit: "registration.fieldsDoNotFit"
        case .attachmentInvalid: "registration.attachmentInvalid"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// A registration not read or an answer not read may succeed when planned again; a missing file will not.
    var isRetryable: Bool {
        switch self {
        case .notRead, .unreadable: true
        case .attachmentUnreadable, .fieldsDoNotFit, .attachmentInvalid: false
        }
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .notRead(address):
            "\(address): the live registration was not read before applying a change to it; run the plan again"
        case let .unreadable(operation):
            "\(operation) answered without the registration's or attachment's id"
        case let .attachmentUnreadable(path, file):
            "spec.attachments.\(path): cannot read file '\(file)' (paths are relative to the manifest's file)"
        case let .fieldsDoNotFit(problems, provenance):
            "the fields do not fit AWS's \(provenance) (nothing was written): " + problems.joined(separator: "; ")
        case let .attachmentInvalid(path, problem):
            "spec.attachments.\(path): \(problem)"
        }
    }
}
