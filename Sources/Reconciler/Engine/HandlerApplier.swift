import Manifests

/// The `ChangeApplier` of a real run: hands each change to its kind's handler with the input it was planned from,
/// and records the resource's new outputs in the reference store for the resources applied after it. A change whose
/// dependency was applied earlier in this run but is still pending (marked so by its handler) is blocked instead.
/// A rename without field changes makes no AWS call: only its status file moves. The old resource of a replacement
/// in `kept` is kept, not deleted: other manifests name it (`KeptReplacements`, `Retirement.keptFor`).
struct HandlerApplier: ChangeApplier {
    /// The handlers.
    let registry: HandlerRegistry
    /// Plan inputs by address.
    let inputs: [ResourceAddress: ErasedPlanInput]
    /// Replacements whose old resource is kept, with the manifests naming it.
    let kept: [ResourceAddress: [ResourceAddress]]
    /// AWS access, references and options.
    let context: ApplyContext

    /// Applies `change` through its handler.
    func apply(_ change: ResourceChange) async throws -> AppliedResult {
        guard let handler = registry.handler(for: change.address.kind) else {
            throw HandlerFailure.noHandler(change.address.kind)
        }
        guard let input = inputs[change.address] else { throw HandlerFailure.missingLiveState(change.address) }
        if change.action != .delete && change.action != .retain {
            for dependency in change.dependencies {
                if let message = await context.references.pendingMessage(of: dependency) {
                    throw ChangeBlocked(reason: "waiting for \(dependency): pending: \(message)", cause: dependency)
                }
            }
        }
        let outputs: [String: String]
        do {
            outputs = change.action == .rename && change.fieldChanges.isEmpty
                ? input.outputs
                : try await handler.apply(change, input: input, context: context)
        } catch {
            // A replacement that failed after leaving its old resource to retire leaves it alone.
            _ = await context.retirements.take(for: change.address)
            throw error
        }
        if change.action != .delete && change.action != .retain {
            await context.references.record(outputs, for: change.address)
        }
        var retirement = await context.retirements.take(for: change.address)
        if let manifests = kept[change.address] { retirement = retirement?.kept(for: manifests) }
        return AppliedResult(resource: outputs, retirement: retirement)
    }
}
