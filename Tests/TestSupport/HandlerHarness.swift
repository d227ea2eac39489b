import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Reconciler

/// One handler against the local emulator, as the engine drives it for one resource at a time: a fresh principal
/// and its client (real SigV4 signer and transport, every request body logged), and the read → plan → apply steps.
/// Every handler's end-to-end tests use it.
public struct HandlerHarness<Handler: ResourceHandler>: Sendable {
    /// The handler under test.
    public let handler: Handler
    /// The emulator.
    public let emulator: Emulator
    /// This harness's own principal (its calls are told apart from other tests' by its access key).
    public let principal: Emulator.Principal
    /// The context handlers read and apply with.
    public let context: ReconcileContext
    /// The principal's account (STS GetCallerIdentity), as plans see it.
    public let account: String
    /// The region targets are read in when neither manifest nor status names one (nil for IAM).
    public var region: String?
    /// Outputs of other resources (a pool's id for its clients), handed to reads, plans and applies.
    public var references: [ResourceAddress: [String: String]]
    /// Every request body sent through `context` (not the account look-up of `make`), in order.
    public let log: RequestLog

    /// A harness with its own principal. `now` is the clock handlers see; `sleep` how they wait (real by default).
    public static func make(_ handler: Handler, region: String? = "us-east-1",
                            references: [ResourceAddress: [String: String]] = [:],
                            now: @escaping @Sendable () -> Date = { Date() },
                            sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) })
        async throws -> HandlerHarness {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let transport = RecordingTransport(inner: emulator.awsTransport())
        let client = emulator.client(for: principal, transport: transport)
        let context = ReconcileContext(client: client, logger: Logger(label: "test"), now: now, sleep: sleep)
        // Asked before logging starts: `log` holds the handler's requests only.
        let account = try await STS(client: emulator.client(for: principal), region: "us-east-1").getCallerIdentity().account
        return HandlerHarness(handler: handler, emulator: emulator, principal: principal, context: context,
                              account: account, region: region, references: references, log: transport.log)
    }

    /// The same principal, client and log driving `other` (a test that needs two kinds, e.g. a pool and its client).
    public func with<Other: ResourceHandler>(_ other: Other, region: String?? = nil) -> HandlerHarness<Other> {
        HandlerHarness<Other>(handler: other, emulator: emulator, principal: principal, context: context,
                              account: account, region: region ?? self.region, references: references, log: log)
    }

    /// The run-wide options plans and applies see.
    public func options(allowPurchase: Bool = false) -> PlanOptions {
        PlanOptions(account: account, allowPurchase: allowPurchase)
    }

    /// An apply context whose reference store starts with `references`.
    public func applyContext(allowPurchase: Bool = false) -> ApplyContext {
        ApplyContext(reconcile: context, references: ReferenceStore(references), options: options(allowPurchase: allowPurchase))
    }

    /// What the handler reads for one resource (manifest `desired`, last status `status`).
    public func read(_ address: ResourceAddress, desired: DesiredResource?,
                     status: ResourceStatus? = nil) async throws -> LiveState<Handler.Live> {
        let target = ReadTarget(address: address, desired: desired, status: status,
                                region: status?.resource["region"] ?? desired?.region ?? region, references: references)
        return try await handler.read([target], context: context)[address] ?? .absent
    }

    /// Reads and plans one resource.
    public func plan(_ address: ResourceAddress, desired: DesiredResource?, status: ResourceStatus? = nil,
                     deletePolicy: DeletePolicy = .retain, allowPurchase: Bool = false,
                     dependencyActions: [ResourceAddress: ChangeAction] = [:])
        async throws -> (ResourceChange, PlanInput<Handler.Live>) {
        let live = try await read(address, desired: desired, status: status)
        let input = PlanInput(address: address, desired: desired, live: live, status: status, references: references,
                              dependencyActions: dependencyActions, deletePolicy: deletePolicy,
                              options: options(allowPurchase: allowPurchase))
        return (try handler.plan(input), input)
    }

    /// Applies `change` planned from `input`; returns the resource's outputs after it. What a replacement leaves to
    /// retire is deleted then, as the executor does for a resource nothing depends on.
    public func apply(_ change: ResourceChange, input: PlanInput<Handler.Live>,
                      allowPurchase: Bool = false) async throws -> [String: String] {
        let context = applyContext(allowPurchase: allowPurchase)
        let outputs = try await handler.apply(change, input: input, context: context)
        try await context.retirements.take(for: change.address)?.delete()
        return outputs
    }

    /// Reads and plans one resource whose last apply recorded `recorded` as its outputs (none: no status file).
    public func plan(_ address: ResourceAddress, desired: DesiredResource?, recorded: [String: String],
                     deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, PlanInput<Handler.Live>) {
        try await plan(address, desired: desired, status: Self.status(address, recorded: recorded), deletePolicy: deletePolicy)
    }

    /// `reconcile` of one resource whose last apply recorded `recorded` as its outputs (none: no status file).
    @discardableResult
    public func reconcile(_ address: ResourceAddress, desired: DesiredResource?, recorded: [String: String],
                          deletePolicy: DeletePolicy = .retain) async throws -> (ResourceChange, [String: String]) {
        try await reconcile(address, desired: desired, status: Self.status(address, recorded: recorded),
                            deletePolicy: deletePolicy)
    }

    /// Reads, plans and applies one resource as the engine would: a change that is not applied (noop, refuse,
    /// blocked) returns the live outputs. Returns the change and the outputs.
    @discardableResult
    public func reconcile(_ address: ResourceAddress, desired: DesiredResource?, status: ResourceStatus? = nil,
                          deletePolicy: DeletePolicy = .retain, allowPurchase: Bool = false,
                          dependencyActions: [ResourceAddress: ChangeAction] = [:])
        async throws -> (ResourceChange, [String: String]) {
        let (change, input) = try await plan(address, desired: desired, status: status, deletePolicy: deletePolicy,
                                             allowPurchase: allowPurchase, dependencyActions: dependencyActions)
        guard change.action.isApplied else { return (change, input.live.value.map(handler.outputs(of:)) ?? [:]) }
        return (change, try await apply(change, input: input, allowPurchase: allowPurchase))
    }

    /// The status file the engine records after an apply: the outputs as `resource`.
    public static func status(_ address: ResourceAddress, outputs: [String: String]) -> ResourceStatus {
        ResourceStatus(kind: address.kind, name: address.name, specHash: "test", resource: outputs)
    }

    /// The status file recording `recorded`, nil when nothing was recorded.
    static func status(_ address: ResourceAddress, recorded: [String: String]) -> ResourceStatus? {
        recorded.isEmpty ? nil : status(address, outputs: recorded)
    }

    /// The operations this harness's principal sent, in order.
    public func operations() async throws -> [String] {
        try await emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation)
    }

    /// Moves the emulator's clock (global to the emulator) forward.
    public func advanceClock(seconds: Double) async throws {
        try await emulator.control("POST", "clock", body: Data(#"{"advanceSeconds": \#(seconds)}"#.utf8))
    }

    /// A name no other test uses: `prefix-` and eight random hex digits.
    public static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }
}

/// Request bodies a harness sent, in order.
public actor RequestLog {
    /// The bodies.
    public private(set) var bodies: [String] = []
    func append(_ body: String) { bodies.append(body) }
}

/// Records each request's body, then sends it for real.
struct RecordingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let log = RequestLog()

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        await log.append(String(decoding: request.body, as: UTF8.self))
        return try await inner.send(request, timeout: timeout)
    }
}
