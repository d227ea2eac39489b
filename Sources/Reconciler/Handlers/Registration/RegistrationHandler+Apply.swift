import AWSCore
import AWSServices
import Manifests

extension RegistrationHandler {
    /// Creates (CreateRegistration with tags and a ClientToken, then the field values and, with `submit: true`,
    /// SubmitRegistrationVersion, unless the type is associated before it is submitted: a new registration has no
    /// number yet), updates (CreateRegistrationVersion first when the current version was submitted
    /// and a value changes; PutRegistrationFieldValue / DeleteRegistrationFieldValue only for values that differ;
    /// an attachment uploaded only when no recorded one has its content's hash; submitted only when the current
    /// version is a draft, so a version is never submitted twice), retags (the ownership tags alone), replaces (a new `registrationType`:
    /// DeleteRegistration, then created as above) or deletes (DeleteRegistration).
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<RegistrationLive>,
               context: ApplyContext) async throws -> [String: String] {
        let live = input.live.value
        let region = input.region(live: live?.region)
        let sms = context.reconcile.smsVoice(region)
        switch action {
        case .create:
            return RegistrationOutputs.of(try await create(input: input, region: region, sms: sms))
        case .replace:
            guard let live else { throw RegistrationError.notRead(input.address) }
            try await sms.deleteRegistration(id: live.id)
            return RegistrationOutputs.of(try await create(input: input, region: region, sms: sms))
        case .update, .rename:
            guard let live else { throw RegistrationError.notRead(input.address) }
            let spec = try Self.writtenSpec(input)
            let after = try await converge(live, to: spec, input: input, sms: sms)
            try await SMSVoiceTagSync.sync(sms, arn: live.arn, live: live.tags, manifestTags: spec.tags?.value,
                                           for: input.address, owner: input.options.owner)
            return RegistrationOutputs.of(after)
        case .retag:
            guard let live else { throw RegistrationError.notRead(input.address) }
            try await SMSVoiceTagSync.retag(sms, arn: live.arn, live: live.tags, as: input.address, owner: input.options.owner)
            return RegistrationOutputs.of(live)
        case .delete:
            guard let live else { return [:] }
            try await sms.deleteRegistration(id: live.id)
            return [:]
        }
    }

    /// CreateRegistration of the manifest's type, with its tags, then its values (`converge`); the live state after.
    private func create(input: PlanInput<RegistrationLive>, region: String,
                        sms: SMSVoice) async throws -> RegistrationLive {
        let spec = try Self.writtenSpec(input)
        let tags = SMSVoiceTagSync.creationTags(spec.tags?.value, for: input.address, owner: input.options.owner)
        let created = try await sms.createRegistration(type: spec.registrationType.value,
                                                       clientToken: Self.creationToken(input, region: region),
                                                       tags: tags)
        guard var new = RegistrationLive(created, region: region, tags: tags) else {
            throw RegistrationError.unreadable("CreateRegistration")
        }
        new.version = created["VersionNumber"]?.intValue ?? 1
        new.versionStatus = created["RegistrationVersionStatus"]?.stringValue ?? "DRAFT"
        if RegistrationDefinitions.associateBeforeSubmit.contains(new.type) { new.associated = false }
        return try await converge(new, to: spec, input: input, sms: sms)
    }

    /// CreateRegistration's ClientToken: from the region, owner and address; for a registration made in place of the
    /// one its status records (a replacement, or a create after that one is gone) also from that id and the new
    /// type. So a retry of the same creation (its answer lost, or the run stopped before the status was written,
    /// which leaves the replaced id recorded) gets the same registration back, while a replacement never reuses the
    /// token that created the registration it replaces (AWS refuses a token used with other parameters).
    static func creationToken(_ input: PlanInput<RegistrationLive>, region: String) throws -> String {
        var parts = [region, ResourceKind.registration.rawValue, input.options.owner ?? "", input.address.name]
        if let replaced = input.status?.resource["id"] {
            parts += [replaced, try writtenSpec(input).registrationType.value]
        }
        return ClientToken.derive(parts)
    }

    /// The calls that bring `live`'s current version to `spec`, then the submission; the live state after them.
    private func converge(_ live: RegistrationLive, to spec: RegistrationSpec, input: PlanInput<RegistrationLive>,
                          sms: SMSVoice) async throws -> RegistrationLive {
        guard let manifest = input.desired?.manifest else { throw HandlerFailure.noManifest(input.address) }
        var live = live
        let files = RegistrationAttachmentFile.all(spec, manifest: manifest)
        let desired = RegistrationFields.desired(spec, attachments: files, live: live)
        let edits = desired.keys.sorted().filter {
            ($0.hasPrefix("fields.") || $0.hasPrefix("attachments.")) && desired[$0] != RegistrationFields.liveValue($0, live)
        }
        // Files are uploaded before a new version is created: a refused upload leaves no empty draft behind.
        var uploaded: [String: String] = [:]
        for key in edits where key.hasPrefix("attachments.") {
            guard case .string = desired[key] ?? .null, let file = files.first(where: { "attachments." + $0.path == key })
            else { continue }
            uploaded[key] = try await upload(file, live: &live, input: input, sms: sms)
        }
        if !edits.isEmpty && live.isSubmitted {
            live.version = try await sms.createRegistrationVersion(id: live.id) ?? live.version + 1
            live.versionStatus = "DRAFT"
            live.deniedReasons = []
        }
        for key in edits {
            let path = key.hasPrefix("fields.") ? String(key.dropFirst(7)) : String(key.dropFirst(12))
            switch desired[key] ?? .null {
            case .null:
                try await sms.deleteRegistrationFieldValue(id: live.id, path: path)
                live.values[path] = nil
            case .string(let text) where key.hasPrefix("fields."):
                try await sms.putRegistrationText(id: live.id, path: path, text: text)
                live.values[path] = .text(text)
            case .list(let choices):
                let strings = choices.compactMap { if case .string(let text) = $0 { text } else { nil } }
                try await sms.putRegistrationChoices(id: live.id, path: path, choices: strings)
                live.values[path] = .choices(strings)
            default:
                guard let attachment = uploaded[key] else { continue }
                try await sms.putRegistrationAttachment(id: live.id, path: path, attachmentId: attachment)
                live.values[path] = .attachment(attachment)
            }
        }
        if spec.submits && !live.isSubmitted && !RegistrationFields.awaitsAssociation(spec, live: live) {
            try await sms.submitRegistrationVersion(id: live.id)
            live.versionStatus = "SUBMITTED"
        }
        return live
    }

    /// The tags of an uploaded attachment: the address's ownership tags and `smsauth:sha256` = its content's hash.
    static func attachmentTags(hash: String, address: ResourceAddress, owner: String?) -> [String: String] {
        var tags = OwnershipTags.tags(for: address, owner: owner)
        tags[RegistrationAttachmentFile.hashTag] = hash
        return tags
    }

    /// CreateRegistrationAttachment's ClientToken: derived from every parameter sent (the body by its hash, and
    /// every tag), so a renamed or re-owned manifest uploading the same file never reuses a token with other
    /// parameters (AWS's ConflictException), and a retry of the same upload returns the same attachment.
    static func attachmentToken(registration: String, hash: String, tags: [String: String]) -> String {
        ClientToken.derive([registration, hash] + tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    }

    /// The id of an attachment holding `file`'s content: a recorded one with its hash, else a new upload
    /// (CreateRegistrationAttachment, ClientToken from the registration and the hash) recorded in `live`.
    private func upload(_ file: RegistrationAttachmentFile, live: inout RegistrationLive,
                        input: PlanInput<RegistrationLive>, sms: SMSVoice) async throws -> String {
        guard let data = file.contents() else {
            throw RegistrationError.attachmentUnreadable(path: file.path, file: file.file)
        }
        let hash = RegistrationAttachmentFile.hash(data)
        if let known = live.attachmentHashes.first(where: { $0.value == hash })?.key { return known }
        let tags = Self.attachmentTags(hash: hash, address: input.address, owner: input.options.owner)
        guard let id = try await sms.createRegistrationAttachment(
            body: data, clientToken: Self.attachmentToken(registration: live.id, hash: hash, tags: tags), tags: tags) else {
            throw RegistrationError.unreadable("CreateRegistrationAttachment")
        }
        live.attachmentHashes[id] = hash
        return id
    }
}
