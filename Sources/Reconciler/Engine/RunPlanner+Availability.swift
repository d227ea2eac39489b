import Manifests

/// Whether a target's dependencies can be used yet: what blocks a manifest that waits for them.
extension RunPlanner {
    /// `waiting for X: why` for the first dependency that is not available, or nil when all are.
    func firstUnavailable(_ dependencies: [ResourceAddress], changes: [ResourceAddress: ResourceChange],
                          observations: Observations) -> String? {
        for dependency in dependencies {
            guard let change = changes[dependency] else { continue }
            let why: String?
            switch observations[dependency] {
            case .failure(let failure)?:
                why = "its live state could not be read (\(failure.message))"
            case .success(let observation)?:
                why = Self.unavailability(of: change, observation: observation)
            case nil:
                why = change.action == .refuse ? "refused: \(change.reason ?? "")"
                    : change.action == .blocked ? change.reason ?? "blocked" : "its live state is unknown"
            }
            if let why { return "waiting for \(dependency): \(why)" }
        }
        return nil
    }

    /// Why a dependency with `change` and `observation` cannot be used yet, or nil when it can.
    static func unavailability(of change: ResourceChange, observation: Observation) -> String? {
        let reason = change.reason ?? change.action.rawValue
        switch change.action {
        case .blocked:
            return reason
        case .create, .replace:
            return nil
        case .refuse where observation.presence != .owned:
            return "refused: \(reason)"
        default:
            if observation.presence == .absent { return "it does not exist" }
            return observation.pendingMessage.map { "pending: \($0)" }
        }
    }
}
