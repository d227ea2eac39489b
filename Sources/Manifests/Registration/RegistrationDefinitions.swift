/// The field definitions of the registration types smsauth knows offline (`snapshot`, generated from the emulator's
/// definitions, taken on `snapshotDate`), and the rule for which field values are never shown.
public enum RegistrationDefinitions {
    /// The fields of `registrationType`, nil when the snapshot does not have the type.
    public static func fields(of registrationType: String) -> [RegistrationFieldDefinition]? {
        snapshot[registrationType]
    }

    /// The registration types of the snapshot, sorted.
    public static var knownTypes: [String] { snapshot.keys.sorted() }

    /// The definition of the field at `path` of `registrationType`.
    public static func field(_ path: String, of registrationType: String) -> RegistrationFieldDefinition? {
        snapshot[registrationType]?.first { $0.path == path }
    }

    /// Words naming the last component of a field path whose TEXT value is contact or personal data
    /// (compared case-insensitively, as substrings): `contactInfo.supportEmail`, `companyInfo.address1`,
    /// `companyInfo.taxId`, ...
    static let personalWords = ["email", "phone", "address", "taxid", "ssn", "firstname", "lastname",
                                "fullname", "contactname", "birth"]

    /// Whether a TEXT value at `path` is shown as `(sensitive)`: AWS's model marks no registration field sensitive, so
    /// smsauth's rule is: every TEXT field of a section whose path names contact data (`contact…`), every TEXT field
    /// whose name holds one of `personalWords`, and every path the manifest lists in `spec.sensitiveFields`.
    /// SELECT choices and attachments (shown by content hash) are never sensitive.
    public static func isSensitive(_ definition: RegistrationFieldDefinition, extra: Set<String> = []) -> Bool {
        if extra.contains(definition.path) { return true }
        guard definition.type == .text else { return false }
        let section = definition.path.split(separator: ".").first.map { $0.lowercased() } ?? ""
        let name = (definition.path.split(separator: ".").last.map { $0.lowercased() } ?? "")
        return section.hasPrefix("contact") || personalWords.contains { name.contains($0) }
    }
}

/// How a field takes its value (AWS `FieldType`).
public enum RegistrationFieldType: String, Sendable, Equatable {
    /// Free text (`TextValue`).
    case text = "TEXT"
    /// Choices among options (`SelectChoices`).
    case select = "SELECT"
    /// An uploaded registration attachment (`RegistrationAttachmentId`).
    case attachment = "ATTACHMENT"

    /// How a manifest writes a value of this type.
    public var manifestForm: String {
        switch self {
        case .text: "a string under 'fields'"
        case .select: "a list of choices under 'fields'"
        case .attachment: "a file path under 'attachments'"
        }
    }
}

/// Whether a field must be filled before submitting (AWS `FieldRequirement`).
public enum RegistrationFieldRequirement: String, Sendable, Equatable {
    /// Required to submit.
    case required = "REQUIRED"
    /// Required depending on other answers (not checked offline).
    case conditional = "CONDITIONAL"
    /// Never required.
    case optional = "OPTIONAL"
}

/// One field of a registration type (AWS `RegistrationFieldDefinition`, the parts validation uses).
public struct RegistrationFieldDefinition: Sendable, Equatable {
    /// `FieldPath`, such as `companyInfo.companyName`.
    public var path: String
    /// `FieldType`.
    public var type: RegistrationFieldType
    /// `FieldRequirement`.
    public var requirement: RegistrationFieldRequirement
    /// `TextValidation` MinLength...MaxLength (TEXT only).
    public var length: ClosedRange<Int>?
    /// `TextValidation` Pattern, a whole-value regular expression (TEXT only).
    public var pattern: String?
    /// `SelectValidation` MinChoices...MaxChoices (SELECT only).
    public var choices: ClosedRange<Int>?
    /// `SelectValidation` Options (SELECT only).
    public var options: [String]

    /// A definition (as read from AWS's DescribeRegistrationFieldDefinitions).
    public init(path: String, type: RegistrationFieldType, requirement: RegistrationFieldRequirement,
                length: ClosedRange<Int>?, pattern: String?, choices: ClosedRange<Int>?, options: [String]) {
        self.path = path
        self.type = type
        self.requirement = requirement
        self.length = length
        self.pattern = pattern
        self.choices = choices
        self.options = options
    }

    /// A TEXT field.
    static func text(_ path: String, _ requirement: RegistrationFieldRequirement, length: ClosedRange<Int>,
                     pattern: String) -> Self {
        Self(path: path, type: .text, requirement: requirement, length: length, pattern: pattern, choices: nil,
             options: [])
    }

    /// A SELECT field.
    static func select(_ path: String, _ requirement: RegistrationFieldRequirement, choices: ClosedRange<Int>,
                       options: [String]) -> Self {
        Self(path: path, type: .select, requirement: requirement, length: nil, pattern: nil, choices: choices,
             options: options)
    }

    /// An ATTACHMENT field.
    static func attachment(_ path: String, _ requirement: RegistrationFieldRequirement) -> Self {
        Self(path: path, type: .attachment, requirement: requirement, length: nil, pattern: nil, choices: nil,
             options: [])
    }
}
