import Logging
import Manifests

/// Reads the live state of every target: one `read` per kind, in waves by read dependency (a pool's app clients are
/// read after the pools, with the pools' outputs in `ReadTarget.references`; see `DesiredState.readDependencyKinds`),
/// the kinds of one wave concurrently.
/// A kind whose read fails (or that has no handler) yields a failure for each of its targets; the other kinds are
/// unaffected.
struct LiveReader: Sendable {
    /// The handlers.
    let registry: HandlerRegistry
    /// AWS access.
    let context: ReconcileContext

    /// Observations (or failures) for every target. The kinds read in one call share one read pass
    /// (`ReconcileContext.forReadPass()`).
    func read(_ targets: [ReadTarget]) async -> [ResourceAddress: Result<Observation, ReconcileFailure>] {
        let pass = context.forReadPass()
        let byKind = Dictionary(grouping: targets, by: \.address.kind)
        var all: [ResourceAddress: Result<Observation, ReconcileFailure>] = [:]
        for wave in Self.waves(of: Set(byKind.keys)) {
            let references = all.compactMapValues { try? $0.get().outputs }
            let results = await withTaskGroup(of: [ResourceAddress: Result<Observation, ReconcileFailure>].self) { group in
                for kind in wave {
                    let kindTargets = (byKind[kind] ?? []).sorted { $0.address < $1.address }.map { target in
                        ReadTarget(address: target.address, desired: target.desired, status: target.status,
                                   region: target.region, references: target.references.merging(references) { own, _ in own })
                    }
                    group.addTask { await read(kind, kindTargets, context: pass) }
                }
                var merged: [ResourceAddress: Result<Observation, ReconcileFailure>] = [:]
                for await results in group { merged.merge(results) { first, _ in first } }
                return merged
            }
            all.merge(results) { first, _ in first }
        }
        return all
    }

    /// `kinds` grouped so that every kind comes after the kinds its read needs (`DesiredState.readDependencyKinds`).
    static func waves(of kinds: Set<ResourceKind>) -> [[ResourceKind]] {
        var remaining = kinds
        var done: Set<ResourceKind> = []
        var waves: [[ResourceKind]] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { kind in
                DesiredState.readDependencyKinds(of: kind).allSatisfy { done.contains($0) || !remaining.contains($0) }
            }.sorted()
            let wave = ready.isEmpty ? remaining.sorted() : ready
            waves.append(wave)
            done.formUnion(wave)
            remaining.subtract(wave)
        }
        return waves
    }

    /// One kind's read.
    private func read(_ kind: ResourceKind, _ targets: [ReadTarget],
                      context: ReconcileContext) async -> [ResourceAddress: Result<Observation, ReconcileFailure>] {
        let addresses = targets.map(\.address)
        guard let handler = registry.handler(for: kind) else {
            return failing(addresses, ReconcileFailure(classifying: HandlerFailure.noHandler(kind)))
        }
        do {
            let found = try await handler.read(targets, context: context)
            return Dictionary(uniqueKeysWithValues: addresses.map { address in
                let result: Result<Observation, ReconcileFailure> = found[address].map { .success($0) }
                    ?? .failure(ReconcileFailure(classifying: HandlerFailure.missingLiveState(address)))
                return (address, result)
            })
        } catch {
            let failure = ReconcileFailure(classifying: error)
            var metadata: Logger.Metadata = ["kind": "\(kind.rawValue)", "code": "\(failure.code)"]
            if let awsCode = failure.awsErrorCode { metadata["aws.error_code"] = "\(awsCode)" }
            context.logger.error("reading live state failed", metadata: metadata)
            return failing(addresses, failure)
        }
    }

    private func failing(_ addresses: [ResourceAddress],
                         _ failure: ReconcileFailure) -> [ResourceAddress: Result<Observation, ReconcileFailure>] {
        Dictionary(uniqueKeysWithValues: addresses.map { ($0, .failure(failure)) })
    }
}
