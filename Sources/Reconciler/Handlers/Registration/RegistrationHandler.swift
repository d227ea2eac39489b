import AWSServices
import Manifests

/// The Registration kind: an End User Messaging registration (US toll-free, 10DLC brand or campaign), found by the
/// id recorded in status, else the one `spec.adopt` names, else by its ownership tags (it has no name). Its field
/// values are edited in place while the current version is a DRAFT; after a version was submitted, a change creates
/// a new version (an approved one is never discarded). Ready once AWS says COMPLETE.
struct RegistrationHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .registration }

    /// The `Registration` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> RegistrationSpec? {
        if case .registration(let registration) = spec { registration } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// Reads every target, region by region (`RegistrationReader`). Calls per resource with a recorded id: one
    /// DescribeRegistrations, one ListTagsForResource, one DescribeRegistrationVersions and one
    /// DescribeRegistrationFieldValues; without one (or when the recorded one is gone), DescribeRegistrations of
    /// every registration of the region once and a ListTagsForResource per registration; ListRegistrationAssociations
    /// for one the plan may delete (its manifest removed, or a new type under Recreate). First, one
    /// DescribeRegistrationFieldDefinitions per registration type the region's manifests use, unless read in the last
    /// day (`RegistrationFieldDefinitionsRead`: in memory or in the status folder's cache).
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<RegistrationLive>] {
        var result: [ResourceAddress: LiveState<RegistrationLive>] = [:]
        for (region, regionTargets) in try targets.byRegion() {
            let types = Set(regionTargets.compactMap { Self.spec($0.desired)?.registrationType.value })
            try await RegistrationFieldDefinitionsRead.read(types: types, region: region, sms: context.smsVoice(region),
                                                            now: context.now(), cache: context.cacheDirectory)
            let reader = RegistrationReader(sms: context.smsVoice(region), region: region, owner: context.owner)
            result.merge(try await reader.read(regionTargets)) { _, new in new }
        }
        return result
    }

    /// `id`, `arn`, `region` and the hash of each attachment uploaded (`RegistrationOutputs`).
    func outputs(of live: RegistrationLive) -> [String: String] { RegistrationOutputs.of(live) }

    /// Ready when AWS says COMPLETE; otherwise pending on AWS's review, naming its status (`RegistrationPhase`).
    func phase(of live: RegistrationLive) -> LivePhase { RegistrationPhase.of(live) }

    /// A registration has no name: the manifest describes a registration of its region and type holding exactly the
    /// field values it writes (attachments aside, whose files are not read here), which is what a `metadata.name`
    /// rename keeps, so a rename moves the status file instead of creating and submitting a second registration.
    func claims(_ desired: DesiredResource, live: RegistrationLive,
                references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired), live.type == spec.registrationType.value, live.region == desired.region
        else { return false }
        let written = RegistrationFields.desired(spec, attachments: [], live: nil).filter { $0.key.hasPrefix("fields.") }
        let held = live.values.compactMap { path, value -> (String, PlanValue)? in
            if case .attachment = value { return nil }
            return ("fields." + path, RegistrationFields.liveValue("fields." + path, live))
        }
        return !written.isEmpty && written == Dictionary(held) { first, _ in first }
    }

    /// Why the manifest's fields do not fit the definitions AWS answered for its type in `region` (read by this run,
    /// `RegistrationFieldDefinitionsRead`), naming each field; nil when they fit or none were read. Messages never
    /// repeat a TEXT value.
    static func fieldProblems(_ spec: RegistrationSpec, manifest: Manifest, region: String) -> RegistrationError? {
        let type = spec.registrationType.value
        guard let read = RegistrationFieldDefinitionsRead.shared.entry(region: region, type: type) else { return nil }
        let provenance = RegistrationFieldDefinitionsRead.provenance(region: region, fetched: read.fetched)
        let problems = read.definitions.isEmpty
            ? ["spec.registrationType: AWS answered no field definitions for \(type) in \(region)"]
            : RegistrationRules.problems(spec, manifestFile: manifest.location.file, definitions: read.definitions,
                                         provenance: provenance).filter { $0.severity == .error }.map(\.message)
        guard !problems.isEmpty else { return nil }
        return .fieldsDoNotFit(problems: problems, provenance: provenance)
    }

    /// The reviewer's reasons of a denied version, and the note while `submit: true` waits for an association.
    private func warnings(_ spec: RegistrationSpec, desired: [String: PlanValue], live: RegistrationLive?) -> [String] {
        (live.map(RegistrationPhase.warnings) ?? [])
            + (live.map { RegistrationFields.keptAttachmentWarnings(desired, live: $0) } ?? [])
            + (RegistrationFields.awaitsAssociation(spec, live: live) ? [RegistrationFields.awaitingAssociationNote] : [])
    }

    /// `RegistrationFields` through `StandardPlan`, values of sensitive fields redacted; a delete or a replacement
    /// while a number is associated is blocked (AWS refuses DeleteRegistration then), and so is a field change while
    /// the current version is under review, until the reviewer decides (AWS refuses a new version then); the
    /// reviewer's reasons of a denied version are warnings.
    func plan(_ input: PlanInput<RegistrationLive>) throws(PlanError) -> ResourceChange {
        guard let spec = Self.spec(input.desired), let manifest = input.desired?.manifest else {
            let change = try StandardPlan(desired: [:], live: nil).change(for: input)
            if change.action == .delete, let numbers = input.live.value?.associations, !numbers.isEmpty {
                return try change.revised(action: .blocked, reason: "\(input.live.value?.id ?? "the registration") "
                                          + "has associated phone numbers (\(numbers.joined(separator: ", "))): AWS "
                                          + "refuses DeleteRegistration until they are released; it is deleted once "
                                          + "none is associated")
            }
            return change
        }
        let live = input.live.value
        let files = RegistrationAttachmentFile.all(spec, manifest: manifest)
        let desired = RegistrationFields.desired(spec, attachments: files, live: live)
        let adopts = spec.adopt.map { adopt in live.map { adopt.value == $0.id || adopt.value == $0.arn } ?? false } ?? false
        let change = try StandardPlan(desired: desired, live: live.map { RegistrationFields.live($0, desired: desired) },
                                      immutable: RegistrationFields.immutablePaths,
                                      replacementConsequence: "the registration's review starts over",
                                      adoptsForeign: adopts, warnings: warnings(spec, desired: desired, live: live),
                                      foundId: live?.id).change(for: input)
        let sensitive = RegistrationFields.sensitivePaths(spec, type: spec.registrationType.value)
        let redacted = try change.revised(fieldChanges: RegistrationFields.redacted(change.fieldChanges, sensitive: sensitive))
        if redacted.action == .create, let adopt = spec.adopt?.value {
            return try redacted.revised(action: .refuse, reason: "spec.adopt names \(adopt), which does not exist in "
                                        + "\(input.desired?.region ?? "the region"); fix spec.adopt or remove it")
        }
        if let refusal = Self.fieldProblems(spec, manifest: manifest, region: input.region(live: live?.region)),
           redacted.action.changesLiveState {
            return try redacted.revised(action: .refuse, reason: refusal.description)
        }
        if let missing = files.first(where: { $0.planValue() == nil }), redacted.action.changesLiveState {
            let error = missing.problem().map { RegistrationError.attachmentInvalid(path: missing.path, problem: $0) }
                ?? RegistrationError.attachmentUnreadable(path: missing.path, file: missing.file)
            return try redacted.revised(action: .refuse, reason: error.description)
        }
        if redacted.action == .replace, let live, let numbers = live.associations, !numbers.isEmpty {
            return try redacted.revised(action: .blocked, reason: "\(live.id) has associated phone numbers "
                                        + "(\(numbers.joined(separator: ", "))): AWS refuses DeleteRegistration "
                                        + "until they are released, so it is not replaced while one is")
        }
        if let live, live.isUnderReview, redacted.fieldChanges.contains(where: { $0.path == "version" }) {
            return try redacted.revised(action: .blocked, reason: "version \(live.version) is \(live.versionStatus) "
                                        + "(under review): AWS accepts a new version once the reviewer decides; "
                                        + "the change is planned again then")
        }
        return redacted
    }
}
