import Logging
import Manifests

/// Reads the live state of every target: one `read` per kind, every kind as soon as the kinds its read needs are read
/// (a pool's app clients after the pools, with the pools' outputs in `ReadTarget.references`; see
/// `KindRelations.readDependencyKinds`), all others at once.
/// A kind whose read fails (or that has no handler) yields a failure for each of its targets; the other kinds are
/// unaffected. A target the handler cannot read at all (`ReadTargetError`: no region, no pool) fails alone.
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
        typealias Results = [ResourceAddress: Result<Observation, ReconcileFailure>]
        return await withTaskGroup(of: (ResourceKind, Results).self) { group in
            var all: Results = [:]
            var waiting = Set(byKind.keys)
            var unfinished = waiting
            while !unfinished.isEmpty {
                let references = all.compactMapValues { try? $0.get().outputs }
                for kind in Self.startable(waiting: waiting, unfinished: unfinished) {
                    waiting.remove(kind)
                    let kindTargets = (byKind[kind] ?? []).sorted { $0.address < $1.address }.map { target in
                        ReadTarget(address: target.address, desired: target.desired, status: target.status,
                                   region: target.region, references: target.references.merging(references) { own, _ in own })
                    }
                    group.addTask { (kind, await read(kind, kindTargets, context: pass)) }
                }
                guard let (kind, results) = await group.next() else { break }
                unfinished.remove(kind)
                all.merge(results) { first, _ in first }
            }
            return all
        }
    }

    /// The kinds of `waiting` whose read may start: none of the kinds their read needs
    /// (`KindRelations.readDependencyKinds`) is `unfinished` (waiting or being read). A kind in a dependency cycle
    /// (none today) would start once nothing else can.
    static func startable(waiting: Set<ResourceKind>, unfinished: Set<ResourceKind>) -> [ResourceKind] {
        let ready = waiting.filter { kind in
            kind.relations.readDependencyKinds.allSatisfy { !unfinished.contains($0) }
        }.sorted()
        return ready.isEmpty && unfinished == waiting ? waiting.sorted() : ready
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
        } catch let error as ReadTargetError where targets.count > 1 {
            // One target the handler cannot read (no region, no pool) fails alone: the others are read without it.
            var results = await read(kind, targets.filter { $0.address != error.address }, context: context)
            results[error.address] = .failure(ReconcileFailure(classifying: error))
            return results
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
