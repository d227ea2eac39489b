import Manifests

/// The manifest ↔ AWS mapping of a `Registration`, by plan path: `registrationType`, `fields.<path>` (text, or the
/// list of choices), `attachments.<path>` (`sha256:<hex>` of the file; a live attachment smsauth did not upload is
/// `attachment <id>`), `submitted` (only when `submit: true`), `version` (only when a change needs a new version) and
/// the user `tags`. Every path the current version holds a value at and the manifest does not list is desired null
/// (the value is deleted). Pure, but for reading the attachment files (`RegistrationAttachmentFile`).
enum RegistrationFields {
    /// Paths AWS cannot change in place.
    static let immutablePaths: Set<String> = ["registrationType"]

    /// The shown value of a path whose file is missing.
    static let missingFile = "(file missing)"

    /// The manifest's fields; `attachments` are its files (hashed here).
    static func desired(_ spec: RegistrationSpec, attachments: [RegistrationAttachmentFile],
                        live: RegistrationLive?) -> [String: PlanValue] {
        var fields: [String: PlanValue] = ["registrationType": .string(spec.registrationType.value)]
        for field in spec.fields?.value ?? [] {
            switch field.value.value {
            case .text(let text): fields["fields." + field.path.value] = .string(text)
            case .choices(let choices): fields["fields." + field.path.value] = .list(choices.map { .string($0) })
            }
        }
        for file in attachments {
            fields["attachments." + file.path] = .string(file.planValue() ?? missingFile)
        }
        if let live {
            for (path, value) in live.values where fields["fields." + path] == nil && fields["attachments." + path] == nil {
                if case .attachment = value { fields["attachments." + path] = .null } else { fields["fields." + path] = .null }
            }
            let unknown = unknownAttachments(fields, live: live)
            let edits = fields.contains { key, value in
                (key.hasPrefix("fields.") || key.hasPrefix("attachments.")) && !unknown.contains(key)
                    && value != liveValue(key, live)
            }
            // An attachment whose content is unknown is kept: by itself it never makes a version or a submission;
            // along with another change it is replaced by the manifest's file.
            if !edits { for key in unknown { fields[key] = liveValue(key, live) } }
            if edits && live.isSubmitted { fields["version"] = .string("new version (CreateRegistrationVersion)") }
        }
        if spec.submits && !awaitsAssociation(spec, live: live) { fields["submitted"] = .bool(true) }
        fields["tags"] = spec.tags.map { .map($0.value.mapValues { .string($0) }) }
        return fields
    }

    /// Whether `submit: true` waits for a number to be associated: the type is associated before it is submitted
    /// (`ASSOCIATE_BEFORE_SUBMIT`, toll-free) and the registration does not exist yet or its draft was read without an
    /// association. A submitted version that needs a new one does not wait (it was associated to be submitted).
    static func awaitsAssociation(_ spec: RegistrationSpec, live: RegistrationLive?) -> Bool {
        guard spec.submits, RegistrationDefinitions.associateBeforeSubmit.contains(spec.registrationType.value) else {
            return false
        }
        return live?.awaitsAssociation ?? true
    }

    /// The plan's note while `submit: true` waits for an association.
    static let awaitingAssociationNote = "submitted: \(RegistrationWait.association) (an OriginationIdentity naming "
        + "this Registration in spec.phoneNumber.registration); AWS accepts the submission of an "
        + "\(RegistrationWait.behavior) registration only once one is, so the run after that number's apply submits it"

    /// The same paths read from `live`.
    static func live(_ live: RegistrationLive, desired: [String: PlanValue]) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "registrationType": .string(live.type),
            "tags": .map(OriginationIdentityFields.userTags(live.tags).mapValues { .string($0) }),
        ]
        for key in desired.keys where key.hasPrefix("fields.") || key.hasPrefix("attachments.") {
            fields[key] = liveValue(key, live)
        }
        let newVersion = desired["version"] != nil
        if desired["version"] != nil { fields["version"] = .string("\(live.version) \(live.versionStatus)") }
        if desired["submitted"] != nil { fields["submitted"] = .bool(live.isSubmitted && !newVersion) }
        return fields
    }

    /// The `attachments.<path>` keys of `desired` whose live value is an attachment smsauth did not upload (no
    /// recorded hash, no `smsauth:sha256` tag) while the manifest names a readable file there: its content is
    /// unknown, so it cannot be compared.
    static func unknownAttachments(_ desired: [String: PlanValue], live: RegistrationLive) -> Set<String> {
        Set(desired.compactMap { key, value -> String? in
            guard key.hasPrefix("attachments."), case .string(let shown) = value, shown != missingFile,
                  case .attachment(let id)? = live.values[String(key.dropFirst(12))],
                  live.attachmentHashes[id] == nil else { return nil }
            return key
        })
    }

    /// The plan's notes about attachments of unknown content that `desired` keeps.
    static func keptAttachmentWarnings(_ desired: [String: PlanValue], live: RegistrationLive) -> [String] {
        desired.keys.sorted().compactMap { key in
            guard key.hasPrefix("attachments."),
                  case .attachment(let id)? = live.values[String(key.dropFirst(12))],
                  live.attachmentHashes[id] == nil, desired[key] == liveValue(key, live) else { return nil }
            return "\(key): attachment \(id) was not uploaded by smsauth, so its content is unknown: it is kept, and "
                + "replaced by the manifest's file only when another field change is applied"
        }
    }

    /// The live value at plan path `key` (`fields.<path>` or `attachments.<path>`).
    static func liveValue(_ key: String, _ live: RegistrationLive) -> PlanValue {
        let path = key.hasPrefix("fields.") ? String(key.dropFirst(7)) : String(key.dropFirst(12))
        switch live.values[path] {
        case nil: return .null
        case .text(let text)?: return .string(text)
        case .choices(let choices)?: return .list(choices.map { .string($0) })
        case .attachment(let id)?:
            return .string(live.attachmentHashes[id].map(RegistrationAttachmentFile.planValue(hash:)) ?? "attachment \(id)")
        }
    }

    /// The plan paths whose values are never shown: each `fields.<path>` whose definition is sensitive
    /// (`RegistrationDefinitions.isSensitive`, with `spec.sensitiveFields`).
    static func sensitivePaths(_ spec: RegistrationSpec, type: String) -> Set<String> {
        let extra = Set((spec.sensitiveFields?.value ?? []).map(\.value))
        let definitions = RegistrationDefinitions.fields(of: type) ?? []
        return Set(definitions.filter { RegistrationDefinitions.isSensitive($0, extra: extra) }.map { "fields." + $0.path })
            .union(extra.map { "fields." + $0 })
    }

    /// `changes` with the values at `sensitive` paths replaced by `(sensitive)` (null stays null: it shows that a
    /// value is set or removed without showing it).
    static func redacted(_ changes: [FieldChange], sensitive: Set<String>) -> [FieldChange] {
        changes.map { change in
            guard sensitive.contains(change.path) else { return change }
            return FieldChange(path: change.path, before: change.before == .null ? .null : .sensitive,
                               after: change.after == .null ? .null : .sensitive,
                               forcesReplacement: change.forcesReplacement)
        }
    }
}
