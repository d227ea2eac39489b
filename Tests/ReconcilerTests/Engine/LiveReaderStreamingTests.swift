import Manifests
import Testing
@testable import Reconciler

/// A pool's app clients are read as soon as that pool is delivered, while the other pools are still being read, and
/// with that pool's outputs.
@Suite struct LiveReaderStreamingTests {
    /// What the reads did, in order.
    actor Log {
        private(set) var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
        /// Whether a line starting with `prefix` is logged within about five seconds.
        func waitFor(_ prefix: String) async -> Bool {
            for _ in 0..<500 {
                if lines.contains(where: { $0.hasPrefix(prefix) }) { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return false
        }
    }

    /// Pools: delivers pool `a` at once, then finishes only when `a`'s clients are being read (or after five
    /// seconds), as a read still describing other pools would.
    struct Pools: ResourceHandler {
        let kind = ResourceKind.userPool
        let log: Log
        func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<FakeLive>] {
            try await read(targets, context: context) { _, _ in }
        }
        func read(_ targets: [ReadTarget], context: ReconcileContext,
                  delivering deliver: @escaping LiveDelivery<FakeLive>) async throws -> [ResourceAddress: LiveState<FakeLive>] {
            let states = Dictionary(uniqueKeysWithValues: targets.map {
                ($0.address, LiveState<FakeLive>.owned(FakeLive(id: "id-\($0.address.name)", specHash: "", owned: true)))
            })
            let a = ResourceAddress(kind: .userPool, name: "a")
            if let state = states[a] { deliver(a, state) }
            let overlapped = await log.waitFor("appClient")
            await log.add("userPool done, clients read meanwhile: \(overlapped)")
            return states
        }
        func outputs(of live: FakeLive) -> [String: String] { ["id": live.id] }
        func claims(_ desired: DesiredResource, live: FakeLive, references: [ResourceAddress: [String: String]]) -> Bool { false }
        func plan(_ input: PlanInput<FakeLive>) throws(PlanError) -> ResourceChange { throw .duplicateAddress(input.address) }
        func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<FakeLive>,
                   context: ApplyContext) async throws -> [String: String] { [:] }
    }

    /// App clients: logs each read with the ids of the pools its targets name, as it was handed them.
    struct Clients: ResourceHandler {
        let kind = ResourceKind.appClient
        let log: Log
        func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<FakeLive>] {
            let pools = Set(targets.flatMap { target in
                (target.desired?.dependencies ?? []).compactMap { target.references[$0]?["id"] }
            }).sorted()
            await log.add("appClient \(targets.map(\.address.name).sorted()) pools \(pools)")
            return Dictionary(uniqueKeysWithValues: targets.map { ($0.address, LiveState<FakeLive>.absent) })
        }
        func outputs(of live: FakeLive) -> [String: String] { [:] }
        func claims(_ desired: DesiredResource, live: FakeLive, references: [ResourceAddress: [String: String]]) -> Bool { false }
        func plan(_ input: PlanInput<FakeLive>) throws(PlanError) -> ResourceChange { throw .duplicateAddress(input.address) }
        func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<FakeLive>,
                   context: ApplyContext) async throws -> [String: String] { [:] }
    }

    @Test func aPoolsClientsAreReadWhenThatPoolIsDeliveredWithItsId() async throws {
        let log = Log()
        let registry = HandlerRegistry([AnyResourceHandler(Pools(log: log)), AnyResourceHandler(Clients(log: log))])
        let targets = try ReadScheduleTests.targets(["a", "b", "a-web", "a-ios", "b-web"])
        let results = await LiveReader(registry: registry, context: EngineFixtures.context()).read(targets)
        #expect(results.count == 5)
        #expect(results.values.allSatisfy { (try? $0.get()) != nil })
        #expect(await log.lines == [
            "appClient [\"a-ios\", \"a-web\"] pools [\"id-a\"]",
            "userPool done, clients read meanwhile: true",
            "appClient [\"b-web\"] pools [\"id-b\"]",
        ])
    }
}
