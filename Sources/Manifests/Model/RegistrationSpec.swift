/// `spec` of a `Registration`: an AWS End User Messaging registration (a US toll-free number's, a 10DLC brand's or
/// campaign's) with its field values. Registrations have no name: smsauth finds one by its recorded id, else by
/// ownership tags.
public struct RegistrationSpec: Sendable, Equatable {
    /// `spec.adopt`: id or ARN of an existing registration to take over.
    public var adopt: Located<String>?
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.registrationType`: AWS's type string (`US_TOLL_FREE_REGISTRATION`); immutable.
    public var registrationType: Located<String>
    /// `spec.fields`: text and select values by AWS field path, in manifest order.
    public var fields: Located<[Field]>?
    /// `spec.attachments`: files by AWS field path, relative to the manifest's file, in manifest order.
    public var attachments: Located<[Attachment]>?
    /// `spec.submit`: submit the registration for review once its fields are set.
    public var submit: Located<Bool>?
    /// `spec.sensitiveFields`: more field paths whose values are never shown.
    public var sensitiveFields: Located<[Located<String>]>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?

    /// Creates a spec with no field values.
    public init(registrationType: Located<String>) {
        self.registrationType = registrationType
    }

    /// Whether the manifest asks for submission.
    public var submits: Bool { submit?.value ?? false }

    /// One `spec.fields` entry.
    public struct Field: Sendable, Equatable {
        /// The AWS field path, located at the key.
        public var path: Located<String>
        /// The value, located at the value.
        public var value: Located<RegistrationFieldValue>

        /// Creates an entry.
        public init(path: Located<String>, value: Located<RegistrationFieldValue>) {
            self.path = path
            self.value = value
        }
    }

    /// One `spec.attachments` entry.
    public struct Attachment: Sendable, Equatable {
        /// The AWS field path, located at the key.
        public var path: Located<String>
        /// The file, relative to the manifest's file.
        public var file: Located<String>

        /// Creates an entry.
        public init(path: Located<String>, file: Located<String>) {
            self.path = path
            self.file = file
        }
    }
}

/// The value of one registration field as a manifest writes it.
public enum RegistrationFieldValue: Sendable, Equatable {
    /// A TEXT field's value.
    case text(String)
    /// A SELECT field's choices.
    case choices([String])
}
