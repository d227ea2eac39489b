import Manifests

extension ReadTarget {
    /// The region to read the target in: its own (its manifest's, or for a removed manifest the one its status
    /// recorded), else its manifest's, else the one its status recorded. A regional target with none cannot be read
    /// (`ReadTargetError.noRegion`).
    func readRegion() throws(ReadTargetError) -> String {
        guard let region = region ?? desired?.region ?? status?.resource["region"] else { throw .noRegion(address) }
        return region
    }
}

extension Sequence<ReadTarget> {
    /// The targets by the region each is read in (`readRegion`), regions in order: a regional kind lists or
    /// describes once per region.
    func byRegion() throws(ReadTargetError) -> [(region: String, targets: [ReadTarget])] {
        var grouped: [String: [ReadTarget]] = [:]
        for target in self {
            grouped[try target.readRegion(), default: []].append(target)
        }
        return grouped.keys.sorted().map { ($0, grouped[$0] ?? []) }
    }
}

/// Why a handler could not read a target.
enum ReadTargetError: ReconcileError, Equatable, CustomStringConvertible {
    /// Neither the target, its manifest nor its status names the region of a regional resource.
    case noRegion(ResourceAddress)
    /// A removed pool member (an app client) whose status names no user pool to look for it in.
    case noPool(ResourceAddress)

    /// Stable error code.
    var code: String {
        switch self {
        case .noRegion: "read.noRegion"
        case .noPool: "read.noPool"
        }
    }

    /// The target that cannot be read (the engine reads the kind's other targets without it).
    var address: ResourceAddress {
        switch self {
        case .noRegion(let address), .noPool(let address): address
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// A region only comes from a manifest, `--region` or the environment.
    var isRetryable: Bool { false }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case .noRegion(let address):
            "\(address): no region to read it in (neither its manifest nor its status names one): give the manifest "
                + "a spec.region, or, for a removed manifest, restore it with its spec.region (or put the region back "
                + "in its status file)"
        case .noPool(let address):
            "\(address): its manifest is gone and its status names no user pool (userPoolId) to look for it in: "
                + "restore the manifest, or put the pool id back in its status file"
        }
    }
}
