import Manifests
import Foundation

extension DeletePolicy: Codable {}

/// What smsauth knows about one managed resource: the content of `<status-dir>/<Kind>/<name>.json`.
///
/// Secret-free by construction: every field is typed (identifiers, hashes, times, enums, messages of typed
/// errors, and `PlanValue`s whose secrets are `sensitive` without payload). There is no free-form blob a caller
/// could put a secret into; `resource` holds only AWS identifiers (ids and ARNs), never credentials.
///
/// JSON: every key is always written (`null` when unset), keys sorted, times in ISO 8601 UTC with whole seconds.
/// Files written before `owner` and `folder` existed decode with both nil.
public struct ResourceStatus: Codable, Equatable, Sendable {
    /// How many runs `history` keeps.
    public static let historyLimit = 10

    /// The resource kind.
    public var kind: ResourceKind
    /// The manifest's `metadata.name`.
    public var name: String
    /// Hash of the manifest spec last reconciled (the observed generation).
    public var specHash: String
    /// Overall state.
    public var phase: StatusPhase
    /// Observed conditions, one per type.
    public var conditions: [StatusCondition]
    /// AWS identifiers by name, e.g. `userPoolId`, `arn`.
    public var resource: [String: String]
    /// Whether it is the record of a resource that was never created: it records no AWS resource, its last run
    /// blocked or refused it, and no create was ever tried (a failed create may have made a resource whose outputs
    /// never reached the record).
    public var recordsNeverCreated: Bool {
        resource.isEmpty && [.blocked, .refused].contains(phase) && !history.contains { entry in
            [.create, .replace].contains(entry.action) && [.applied, .failed].contains(entry.result)
        }
    }
    /// Whether a manifest whose status file is `status` (nil: none) has no AWS resource of its own yet: no status
    /// file, or one that records a resource never created. Only such a manifest may be planned as a create, or
    /// paired with a removed resource as its new name (`RenameResolver`).
    public static func recordsNoResource(_ status: ResourceStatus?) -> Bool {
        status?.recordsNeverCreated != false
    }
    /// When the resource was last reconciled (planned and, unless dry-run, applied).
    public var lastReconcileTime: Date?
    /// When a change was last applied to it.
    public var lastAppliedTime: Date?
    /// Fields found changed out of band.
    public var drift: [DriftRecord]
    /// The last error, cleared on success.
    public var lastError: ErrorRecord?
    /// The last `historyLimit` runs, oldest first.
    public var history: [HistoryEntry]
    /// The manifest's `policy.onDelete` when it was last applied: what a later run does once the manifest is gone.
    public var onDelete: DeletePolicy?
    /// The owner of the manifest set that wrote it (nil: the set names none, or written before owners existed).
    public var owner: String?
    /// The real path of the manifest folder that wrote it (nil: written before folders were recorded).
    public var folder: String?
    /// The `spec` paths the manifest set when it was last applied (`ManagedPaths`): a path that later leaves the
    /// manifest is a plan warning (no longer managed). Nil in files written before it was recorded.
    public var managedFields: [String]?
    /// The lease generation of the controller that wrote it (nil: written without a lease). A write whose generation
    /// is lower than the one before it came from a deposed leader.
    public var leaseGeneration: Int?
    /// The address (`Kind/name`) whose ownership tags the AWS resource may still carry: this status file moved with a
    /// rename whose change was not carried out (refused, blocked, suspended or failed), so the new tags may not have
    /// been written. The reads accept those tags as this resource's, and the next run's change of it is that rename
    /// again. Nil once a run succeeded for it, and in files written before it was recorded. A value that is not an
    /// address makes the file unreadable (`status.corrupt`), never one without it.
    public var renamedFrom: ResourceAddress?

    /// Creates a status.
    public init(
        kind: ResourceKind, name: String, specHash: String, phase: StatusPhase = .pending,
        conditions: [StatusCondition] = [], resource: [String: String] = [:], lastReconcileTime: Date? = nil,
        lastAppliedTime: Date? = nil, drift: [DriftRecord] = [], lastError: ErrorRecord? = nil,
        history: [HistoryEntry] = [], onDelete: DeletePolicy? = nil, owner: String? = nil, folder: String? = nil,
        managedFields: [String]? = nil
    ) {
        self.kind = kind
        self.name = name
        self.specHash = specHash
        self.phase = phase
        self.conditions = conditions
        self.resource = resource
        self.lastReconcileTime = lastReconcileTime
        self.lastAppliedTime = lastAppliedTime
        self.drift = drift
        self.lastError = lastError
        self.history = Array(history.suffix(Self.historyLimit))
        self.onDelete = onDelete
        self.owner = owner
        self.folder = folder
        self.managedFields = managedFields
    }

    /// `Kind/name`.
    public var address: ResourceAddress { ResourceAddress(kind: kind, name: name) }

    /// The condition of `type`, if set.
    public func condition(_ type: String) -> StatusCondition? {
        conditions.first { $0.type == type }
    }

    /// Sets the condition of `type`. `lastTransitionTime` becomes `now` only when the condition is new or its
    /// status changes; a new reason or message alone keeps the old time.
    public mutating func setCondition(
        type: String, status: ConditionStatus, reason: String, message: String, now: Date
    ) {
        let condition = StatusCondition(
            type: type, status: status, reason: reason, message: message, lastTransitionTime: now)
        guard let index = conditions.firstIndex(where: { $0.type == type }) else {
            conditions.append(condition)
            return
        }
        let keptTime = conditions[index].status == status ? conditions[index].lastTransitionTime : now
        conditions[index] = condition
        conditions[index].lastTransitionTime = keptTime
    }

    /// Appends a run to `history`, keeping only the last `historyLimit`.
    public mutating func recordRun(_ entry: HistoryEntry) {
        history = Array((history + [entry]).suffix(Self.historyLimit))
    }

    private enum CodingKeys: String, CodingKey {
        case kind, name, specHash, phase, conditions, resource, lastReconcileTime, lastAppliedTime, drift,
             lastError, history, onDelete, owner, folder, managedFields, leaseGeneration, renamedFrom
    }

    /// Writes every key, `null` for unset optionals, so the file shape never varies.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(specHash, forKey: .specHash)
        try container.encode(phase, forKey: .phase)
        try container.encode(conditions, forKey: .conditions)
        try container.encode(resource, forKey: .resource)
        try container.encode(lastReconcileTime, forKey: .lastReconcileTime)
        try container.encode(lastAppliedTime, forKey: .lastAppliedTime)
        try container.encode(drift, forKey: .drift)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(history, forKey: .history)
        try container.encode(onDelete, forKey: .onDelete)
        try container.encode(owner, forKey: .owner)
        try container.encode(folder, forKey: .folder)
        try container.encode(managedFields, forKey: .managedFields)
        try container.encode(leaseGeneration, forKey: .leaseGeneration)
        try container.encode(renamedFrom, forKey: .renamedFrom)
    }
}
