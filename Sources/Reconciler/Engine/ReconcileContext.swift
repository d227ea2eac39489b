import AWSCore
import AWSServices
import Foundation
import Logging

/// What handlers use to reach AWS: one shared client, a service client per region, the clock and the logger.
public struct ReconcileContext: Sendable {
    /// The shared AWS client (signing, retries, endpoints).
    public let client: AWSClient
    /// Logger with the run's metadata.
    public let logger: Logger
    /// The clock (injected for tests).
    public let now: @Sendable () -> Date
    /// Sleeps between bounded retries (injected for tests).
    public let sleep: @Sendable (Duration) async throws -> Void
    /// How long CreateUserPool / UpdateUserPool / SetUserPoolMfaConfig keep retrying the SMS role's
    /// trust-relationship and access-policy errors after the role was created (IAM eventual consistency).
    public let smsRolePropagationTimeout: Duration
    /// User pools described in the current live-state read pass; nil outside one (see `forReadPass()`).
    private(set) var describedPools: DescribedUserPools?
    /// App-client lists of the user pools listed in the current read pass; nil outside one.
    private(set) var poolClientLists: PoolClientLists?
    /// The manifest set's owner (`RunIdentity.owner`): reads classify what they find by it (see `TagClaim`).
    public private(set) var owner: String?
    /// The AWS account the run acts in (STS GetCallerIdentity); nil before it is known. A sandbox number's status
    /// records it, so a number added in one account is never taken as added in another.
    public private(set) var account: String?
    /// Where cached answers of AWS are kept across runs (`StatusStore.cacheDirectory`); nil: in memory only.
    public private(set) var cacheDirectory: URL?
    /// A region of the partition the run works in (the default region); picks IAM's partition. nil: `aws`.
    public let partitionRegion: String?

    /// How many targets a handler's read works on at once (`--concurrency`; the command's transport bounds the AWS
    /// calls in flight by the same number).
    public var readConcurrency: Int = ReconcileContext.defaultConcurrency

    /// `--concurrency` unless given: enough in flight that a plan of a few hundred resources is bound by round trips
    /// and AWS's quotas rather than by waiting for a free slot.
    public static let defaultConcurrency = 16

    /// Creates a context.
    public init(client: AWSClient, logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                smsRolePropagationTimeout: Duration = .seconds(120), partitionRegion: String? = nil) {
        self.partitionRegion = partitionRegion
        self.client = client
        self.logger = logger
        self.now = now
        self.sleep = sleep
        self.smsRolePropagationTimeout = smsRolePropagationTimeout
    }

    /// A copy whose reads classify what they find for `owner`.
    public func owned(by owner: String?) -> ReconcileContext {
        var copy = self
        copy.owner = owner
        return copy
    }

    /// A copy whose reads know they act in `account`.
    public func inAccount(_ account: String) -> ReconcileContext {
        var copy = self
        copy.account = account
        return copy
    }

    /// A copy that keeps cached answers of AWS in `directory`.
    public func caching(in directory: URL?) -> ReconcileContext {
        var copy = self
        copy.cacheDirectory = directory
        return copy
    }

    /// A copy for one live-state read pass, with its own empty records of described user pools and listed app
    /// clients.
    public func forReadPass() -> ReconcileContext {
        var copy = self
        copy.describedPools = DescribedUserPools()
        copy.poolClientLists = PoolClientLists()
        return copy
    }

    /// Cognito user pools in `region`.
    public func cognito(_ region: String) -> CognitoIdentityProvider { CognitoIdentityProvider(client: client, region: region) }
    /// IAM (global within the partition of `partitionRegion`).
    public var iam: IAM { IAM(client: client, region: partitionRegion ?? IAM.defaultRegion) }
    /// SNS in `region`.
    public func sns(_ region: String) -> SNS { SNS(client: client, region: region) }
    /// End User Messaging SMS in `region`.
    public func smsVoice(_ region: String) -> SMSVoice { SMSVoice(client: client, region: region) }
    /// STS in `region`.
    public func sts(_ region: String) -> STS { STS(client: client, region: region) }
    /// SSM Parameter Store in `region`.
    public func ssm(_ region: String) -> SSM { SSM(client: client, region: region) }
    /// Secrets Manager in `region`.
    public func secretsManager(_ region: String) -> SecretsManager { SecretsManager(client: client, region: region) }
}

/// The context of `apply`: the reconcile context plus the outputs of resources applied earlier in this run.
public struct ApplyContext: Sendable {
    /// AWS access.
    public let reconcile: ReconcileContext
    /// Outputs by address, updated as changes are applied (a new pool's id for its app clients).
    public let references: ReferenceStore
    /// Run-wide options.
    public let options: PlanOptions
    /// What replacements leave to delete once their dependents have moved (`retireLater`).
    public let retirements: Retirements

    /// Creates an apply context.
    public init(reconcile: ReconcileContext, references: ReferenceStore, options: PlanOptions,
                retirements: Retirements = Retirements()) {
        self.reconcile = reconcile
        self.references = references
        self.options = options
        self.retirements = retirements
    }

    /// Leaves the deletion of `what` (the resource the change of `address` replaced) to the executor, which runs
    /// `delete` once every change depending on `address` has moved to the new resource, and otherwise leaves it in AWS
    /// with a warning (`Retirement`).
    public func retireLater(_ what: String, for address: ResourceAddress,
                            delete: @escaping @Sendable () async throws -> Void) async {
        await retirements.leave(Retirement(what, delete: delete), for: address)
    }
}

/// Outputs (ids, ARNs) of resources, shared between concurrent applies.
public actor ReferenceStore {
    /// Outputs by address.
    private var outputs: [ResourceAddress: [String: String]]
    /// What each resource applied in this run and still pending (e.g. a number being provisioned) waits for.
    private var pending: [ResourceAddress: String] = [:]

    /// Starts from what was read or planned.
    public init(_ initial: [ResourceAddress: [String: String]] = [:]) {
        outputs = initial
    }

    /// The outputs of `address`, if known.
    public func outputs(of address: ResourceAddress) -> [String: String]? { outputs[address] }

    /// Records `address`'s outputs after it was applied.
    public func record(_ values: [String: String], for address: ResourceAddress) { outputs[address] = values }

    /// Records that `address`, just applied, exists but is not usable yet; `message` says what it waits for.
    public func markPending(_ address: ResourceAddress, message: String) { pending[address] = message }

    /// What `address` waits for, when it was applied in this run and is still pending.
    public func pendingMessage(of address: ResourceAddress) -> String? { pending[address] }
}
