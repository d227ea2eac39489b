import Logging
import Manifests

/// Reads the live state of every target: each as soon as the resources that find it in AWS are read (an app client
/// as soon as its pool is: `ReadSchedule`, with their outputs in `ReadTarget.references`), all others at once. The
/// targets that become startable together are read in one `read` per kind; a handler may hand over a target's state
/// before its whole read is done (`ResourceHandler.read(_:context:delivering:)`), and the targets it finds start then.
/// A read that fails (or a kind that has no handler) yields a failure for each of its targets; the other reads are
/// unaffected. A target the handler cannot read at all (`ReadTargetError`: no region, no pool) fails alone, and so
/// does each target of a read that read the others (`PartialRead`: a pool whose clients could not be listed).
struct LiveReader: Sendable {
    /// The handlers.
    let registry: HandlerRegistry
    /// AWS access.
    let context: ReconcileContext

    typealias Results = [ResourceAddress: Result<Observation, ReconcileFailure>]

    /// What a running read reports.
    private enum Event: Sendable {
        /// One target's state, known before its read is done.
        case delivered(ResourceAddress, Observation)
        /// A read is done, with every one of its targets.
        case finished(Results)
    }

    /// Observations (or failures) for every target. Every read of one call shares one read pass
    /// (`ReconcileContext.forReadPass()`).
    func read(_ targets: [ReadTarget]) async -> Results {
        let pass = context.forReadPass()
        var schedule = ReadSchedule(targets)
        let (events, reporter) = AsyncStream.makeStream(of: Event.self)
        return await withTaskGroup(of: Void.self) { group in
            var all: Results = [:]
            var outputs: [ResourceAddress: [String: String]] = [:]
            var running = 0
            func startReady() {
                for (kind, batch) in schedule.start(idle: running == 0) {
                    let batchTargets = batch.map { target in
                        ReadTarget(address: target.address, desired: target.desired, status: target.status,
                                   region: target.region,
                                   // `outputs` first: its storage is shared, not copied per target.
                                   references: outputs.merging(target.references) { fresh, _ in fresh },
                                   formerAddress: target.formerAddress)
                    }
                    running += 1
                    group.addTask {
                        let results = await read(kind, batchTargets, context: pass) { address, observation in
                            reporter.yield(.delivered(address, observation))
                        }
                        reporter.yield(.finished(results))
                    }
                }
            }
            startReady()
            if running == 0 { return all }
            for await event in events {
                switch event {
                case let .delivered(address, observation):
                    outputs[address] = outputs[address] ?? observation.outputs
                    schedule.known(address)
                case let .finished(results):
                    running -= 1
                    all.merge(results) { first, _ in first }
                    for (address, result) in results {
                        if outputs[address] == nil, case let .success(observation) = result {
                            outputs[address] = observation.outputs
                        }
                        schedule.known(address)
                    }
                }
                startReady()
                if running == 0 && schedule.isEmpty { break }
            }
            reporter.finish()
            // Cancelled while reading: the targets not read yet fail, never read as absent.
            for target in targets where all[target.address] == nil {
                all[target.address] = .failure(ReconcileFailure(classifying: CancellationError()))
            }
            return all
        }
    }

    /// One kind's read.
    private func read(_ kind: ResourceKind, _ targets: [ReadTarget], context: ReconcileContext,
                      delivering deliver: @escaping ObservationDelivery) async -> Results {
        let addresses = targets.map(\.address)
        guard let handler = registry.handler(for: kind) else {
            return failing(addresses, ReconcileFailure(classifying: HandlerFailure.noHandler(kind)))
        }
        do {
            return results(addresses, found: try await handler.read(targets, context: context, delivering: deliver))
        } catch let error as ReadTargetError where targets.count > 1 {
            // One target the handler cannot read (no region, no pool) fails alone: the others are read without it.
            var results = await read(kind, targets.filter { $0.address != error.address }, context: context,
                                     delivering: deliver)
            results[error.address] = .failure(ReconcileFailure(classifying: error))
            return results
        } catch let partial as PartialObservations {
            // Some targets read, the others failed each for its own reason (`PartialRead`).
            for failed in Dictionary(grouping: partial.failures.values, by: \.code).values {
                logFailure(kind, failed[0], targets: failed.count, of: addresses.count)
            }
            return results(addresses, found: partial.found, failures: partial.failures)
        } catch {
            let failure = ReconcileFailure(classifying: error)
            logFailure(kind, failure, targets: addresses.count, of: addresses.count)
            return failing(addresses, failure)
        }
    }

    /// Logs that reading `targets` of a read of `total` targets of `kind` failed with `failure`.
    private func logFailure(_ kind: ResourceKind, _ failure: ReconcileFailure, targets: Int, of total: Int) {
        var metadata: Logger.Metadata = ["kind": "\(kind.rawValue)", "code": "\(failure.code)"]
        if let awsCode = failure.awsErrorCode { metadata["aws.error_code"] = "\(awsCode)" }
        if targets < total { metadata["targets"] = "\(targets) of \(total)" }
        context.logger.error("reading live state failed", metadata: metadata)
    }

    /// Each address's observation in `found`, else its failure in `failures`, else `missingLiveState`.
    private func results(_ addresses: [ResourceAddress], found: [ResourceAddress: Observation],
                         failures: [ResourceAddress: ReconcileFailure] = [:]) -> Results {
        Dictionary(uniqueKeysWithValues: addresses.map { address in
            let result: Result<Observation, ReconcileFailure> = found[address].map { .success($0) }
                ?? failures[address].map { .failure($0) }
                ?? .failure(ReconcileFailure(classifying: HandlerFailure.missingLiveState(address)))
            return (address, result)
        })
    }

    private func failing(_ addresses: [ResourceAddress], _ failure: ReconcileFailure) -> Results {
        Dictionary(uniqueKeysWithValues: addresses.map { ($0, .failure(failure)) })
    }
}
