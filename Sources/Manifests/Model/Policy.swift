/// What to do when a change can only be made by replacing the resource.
public enum ImmutableChangePolicy: String, ManifestEnum {
    /// Refuse the change and report it.
    case refuse = "Refuse"
    /// Delete and recreate the resource.
    case recreate = "Recreate"
}

/// What to do with the AWS resource when its manifest is removed.
public enum DeletePolicy: String, ManifestEnum {
    /// Leave it in AWS (unmanaged).
    case retain = "Retain"
    /// Delete it from AWS.
    case delete = "Delete"
}

/// What to do when the live resource was changed outside smsauth.
public enum DriftPolicy: String, ManifestEnum {
    /// Put the manifest's values back.
    case correct = "Correct"
    /// Only report the drift.
    case report = "Report"
}

/// The effective `policy` of a manifest: values written in it, else the kind's defaults.
///
/// A default value carries the location of the manifest's `kind` field.
public struct Policy: Sendable, Equatable {
    /// `policy.onImmutableChange`.
    public var onImmutableChange: Located<ImmutableChangePolicy>
    /// `policy.onDelete`.
    public var onDelete: Located<DeletePolicy>
    /// `policy.onDrift`.
    public var onDrift: Located<DriftPolicy>

    /// Creates a policy.
    public init(onImmutableChange: Located<ImmutableChangePolicy>, onDelete: Located<DeletePolicy>,
                onDrift: Located<DriftPolicy>) {
        self.onImmutableChange = onImmutableChange
        self.onDelete = onDelete
        self.onDrift = onDrift
    }

    /// The kind's defaults, located at `location`.
    public static func defaults(for kind: ResourceKind, at location: SourceLocation) -> Policy {
        let d = kind.defaultPolicy
        return Policy(onImmutableChange: Located(d.onImmutableChange, at: location),
                      onDelete: Located(d.onDelete, at: location), onDrift: Located(d.onDrift, at: location))
    }
}

/// `metadata` of a manifest.
public struct Metadata: Sendable, Equatable {
    /// `metadata.name`, unique per kind.
    public var name: Located<String>
    /// `metadata.labels`, free-form; empty when absent.
    public var labels: [String: String]

    /// Creates metadata.
    public init(name: Located<String>, labels: [String: String] = [:]) {
        self.name = name
        self.labels = labels
    }
}
