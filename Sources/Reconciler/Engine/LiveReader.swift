import Logging
import Manifests

/// Reads the live state of every target: one `read` per kind, kinds concurrently. A kind whose read fails (or that
/// has no handler) yields a failure for each of its targets; the other kinds are unaffected.
struct LiveReader: Sendable {
    /// The handlers.
    let registry: HandlerRegistry
    /// AWS access.
    let context: ReconcileContext

    /// Observations (or failures) for every target.
    func read(_ targets: [ReadTarget]) async -> [ResourceAddress: Result<Observation, ReconcileFailure>] {
        let byKind = Dictionary(grouping: targets, by: \.address.kind)
        return await withTaskGroup(of: [ResourceAddress: Result<Observation, ReconcileFailure>].self) { group in
            for (kind, kindTargets) in byKind {
                group.addTask { await read(kind, kindTargets.sorted { $0.address < $1.address }) }
            }
            var all: [ResourceAddress: Result<Observation, ReconcileFailure>] = [:]
            for await results in group { all.merge(results) { first, _ in first } }
            return all
        }
    }

    /// One kind's read.
    private func read(_ kind: ResourceKind,
                      _ targets: [ReadTarget]) async -> [ResourceAddress: Result<Observation, ReconcileFailure>] {
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
