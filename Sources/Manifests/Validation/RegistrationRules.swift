import Foundation

/// Rules of a `Registration` checked offline against the bundled field definitions (`RegistrationDefinitions`, of
/// `snapshotDate`): the type, each field path and value, the attachments' files, and (with `submit: true`) the
/// REQUIRED fields. Messages never repeat a TEXT value: it may be personal data.
public enum RegistrationRules {
    /// The type is known; each path of `fields`, `attachments` and `sensitiveFields` is a field of the type, of the
    /// form it is written in; TEXT values fit MinLength/MaxLength and Pattern; SELECT choices are options, as many
    /// as MinChoices...MaxChoices; attachment files exist; every REQUIRED field is set when `submit: true`.
    static let fields: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .registration(let spec) = manifest.spec else { return [] }
            return problems(spec, manifestFile: manifest.location.file)
        }
    }

    /// "field definitions of DATE", the snapshot's provenance every message names.
    public static var provenance: String { "field definitions of \(RegistrationDefinitions.snapshotDate)" }

    /// The problems of one spec against the bundled snapshot; `manifestFile` locates attachment files.
    static func problems(_ spec: RegistrationSpec, manifestFile: String) -> [Diagnostic] {
        let type = spec.registrationType
        guard let definitions = RegistrationDefinitions.fields(of: type.value) else {
            let known = RegistrationDefinitions.knownTypes
            return [.error("registration-unknown-type", "spec.registrationType: '\(type.value)' is not a registration "
                           + "type of the \(provenance): expected one of \(known.joined(separator: ", "))"
                           + Suggestion.hint(for: type.value, among: known), at: type.location,
                           field: "spec.registrationType")]
        }
        return problems(spec, manifestFile: manifestFile, definitions: definitions, provenance: provenance)
    }

    /// The problems of one spec against `definitions` (the snapshot's, or the ones read from AWS at plan time),
    /// each message naming where the definitions come from (`provenance`).
    public static func problems(_ spec: RegistrationSpec, manifestFile: String,
                                definitions: [RegistrationFieldDefinition], provenance: String) -> [Diagnostic] {
        let type = spec.registrationType
        var found: [Diagnostic] = []
        if let adopt = spec.adopt, !isRegistrationIdOrArn(adopt.value) {
            found.append(.error("registration-adopt-format", "spec.adopt: '\(adopt.value)' is not a registration id or "
                                + "ARN (AWS's RegistrationIdOrArn: 1 to 256 of A-Z, a-z, 0-9, _ : / -)",
                                at: adopt.location, field: "spec.adopt"))
        }
        func definition(_ path: Located<String>, in section: String) -> RegistrationFieldDefinition? {
            if let known = definitions.first(where: { $0.path == path.value }) { return known }
            found.append(.error("registration-unknown-field", "spec.\(section).\(path.value): \(type.value) has no "
                                + "field '\(path.value)' (\(provenance))"
                                + Suggestion.hint(for: path.value, among: definitions.map(\.path)),
                                at: path.location, field: "spec.\(section).\(path.value)"))
            return nil
        }
        for field in spec.fields?.value ?? [] {
            guard let known = definition(field.path, in: "fields") else { continue }
            found += value(field, known)
        }
        let directory = (manifestFile as NSString).deletingLastPathComponent
        for attachment in spec.attachments?.value ?? [] {
            guard let known = definition(attachment.path, in: "attachments") else { continue }
            let here = "spec.attachments.\(attachment.path.value)"
            if known.type != .attachment {
                found.append(wrongForm(known, here: here, at: attachment.path.location))
            } else if let problem = attachmentProblem((directory as NSString).appendingPathComponent(attachment.file.value)) {
                found.append(.error(problem.code, "\(here): file '\(attachment.file.value)' \(problem.message)",
                                    at: attachment.file.location, field: here))
            }
        }
        for (index, path) in (spec.sensitiveFields?.value ?? []).enumerated() where
            !definitions.contains(where: { $0.path == path.value }) {
            found.append(.error("registration-unknown-field", "spec.sensitiveFields[\(index)]: \(type.value) has no "
                                + "field '\(path.value)' (\(provenance))"
                                + Suggestion.hint(for: path.value, among: definitions.map(\.path)),
                                at: path.location, field: "spec.sensitiveFields[\(index)]"))
        }
        if spec.submits { found += missingRequired(spec, definitions, provenance: provenance) }
        return found
    }

    /// The largest attachment AWS takes: 5 MB (CreateRegistrationAttachment's documentation; the model's
    /// `AttachmentBody` max, 6990508, is the base64 length of 5 MiB).
    public static let attachmentMaxBytes = 5 * 1024 * 1024

    /// The file extensions AWS takes ("Only PDF, JPEG and PNG files are accepted").
    public static let attachmentExtensions: Set<String> = ["pdf", "jpg", "jpeg", "png"]

    /// What is wrong with the attachment file at `path` (a stable code and a message following "file 'x' "), nil
    /// when it can be uploaded: missing, not a regular file, unreadable, not .pdf/.jpg/.jpeg/.png, larger than
    /// `attachmentMaxBytes`. Only metadata is read: never the file's content.
    public static func attachmentProblem(_ path: String) -> (code: String, message: String)? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ("registration-attachment-missing", "does not exist (paths are relative to the manifest's file)")
        }
        if isDirectory.boolValue { return ("registration-attachment-not-a-file", "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return ("registration-attachment-unreadable", "cannot be read (check its permissions)")
        }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        guard attachmentExtensions.contains(fileExtension) else {
            return ("registration-attachment-type", "is not a PDF, JPEG or PNG file (.pdf, .jpg, .jpeg, .png): AWS "
                    + "accepts only these")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > attachmentMaxBytes {
            return ("registration-attachment-too-large", "is \(size) bytes, more than AWS's limit of 5 MB "
                    + "(\(attachmentMaxBytes) bytes)")
        }
        return nil
    }

    /// Whether `value` fits the model's `RegistrationIdOrArn`: 1 to 256 characters of `[A-Za-z0-9_:/-]`.
    static func isRegistrationIdOrArn(_ value: String) -> Bool {
        (1...256).contains(value.count) && value.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_:/-".unicodeScalars.contains($0)
        }
    }

    /// The problems of one `fields` entry against its definition.
    private static func value(_ field: RegistrationSpec.Field,
                              _ known: RegistrationFieldDefinition) -> [Diagnostic] {
        let here = "spec.fields.\(field.path.value)", at = field.value.location
        switch (field.value.value, known.type) {
        case (.text(let text), .text):
            var found: [Diagnostic] = []
            // Counted in Unicode scalars (code points), as AWS's MinLength/MaxLength and the emulator count, not
            // in grapheme clusters: "é" written as e + U+0301 is 2.
            let count = text.unicodeScalars.count
            if let length = known.length, !length.contains(count) {
                found.append(.error("registration-text-length", "\(here): must be \(length.lowerBound) to "
                                    + "\(length.upperBound) characters, found \(count)", at: at, field: here))
            }
            if let pattern = known.pattern, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: text)) == nil {
                found.append(.error("registration-text-pattern", "\(here): must match \(pattern)", at: at,
                                    field: here))
            }
            return found
        case (.choices(let choices), .select):
            var found: [Diagnostic] = []
            if let range = known.choices, !range.contains(choices.count) {
                let count = range.lowerBound == range.upperBound ? "\(range.lowerBound)"
                    : "\(range.lowerBound) to \(range.upperBound)"
                found.append(.error("registration-choice-count", "\(here): choose \(count) of the options, found "
                                    + "\(choices.count)", at: at, field: here))
            }
            for choice in choices where !known.options.contains(choice) {
                found.append(.error("registration-invalid-choice", "\(here): '\(choice)' is not an option: expected "
                                    + "one of \(known.options.joined(separator: ", "))"
                                    + Suggestion.hint(for: choice, among: known.options), at: at, field: here))
            }
            return found
        default:
            return [wrongForm(known, here: here, at: at)]
        }
    }

    /// "X is a SELECT field: write a list of choices under 'fields'".
    private static func wrongForm(_ known: RegistrationFieldDefinition, here: String,
                                  at location: SourceLocation) -> Diagnostic {
        .error("registration-field-type", "\(here): \(known.path) is \(known.type == .attachment ? "an" : "a") \(known.type.rawValue) field: write "
               + "\(known.type.manifestForm)", at: location, field: here)
    }

    /// The REQUIRED fields neither `fields` nor `attachments` sets, each reported at `submit`.
    private static func missingRequired(_ spec: RegistrationSpec, _ definitions: [RegistrationFieldDefinition],
                                        provenance: String) -> [Diagnostic] {
        let set = Set((spec.fields?.value ?? []).map(\.path.value) + (spec.attachments?.value ?? []).map(\.path.value))
        guard let submit = spec.submit else { return [] }
        return definitions.filter { $0.requirement == .required && !set.contains($0.path) }.map { missing in
            let section = missing.type == .attachment ? "attachments" : "fields"
            return .error("registration-missing-field", "spec.\(section).\(missing.path): required by "
                          + "\(spec.registrationType.value) (\(provenance)) to submit ('submit: true'); set it as "
                          + missing.type.manifestForm, at: submit.location, field: "spec.\(section).\(missing.path)")
        }
    }
}
