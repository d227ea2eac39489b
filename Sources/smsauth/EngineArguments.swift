import AWSCore
import ArgumentParser
import Controller
import Foundation
import Logging
import Manifests
import Reconciler

/// The options of the commands that apply changes (`reconcile`, `controller`), shared as an `@OptionGroup`.
struct EngineArguments: ParsableArguments {
    @Flag(help: "Allow requesting origination numbers and sender IDs without purchaseApproved in the manifest.")
    var allowPurchase = false

    @Flag(help: """
        Allow a run whose manifest folder declares no resources to delete or release every resource its status \
        files name. Without it such a run changes nothing and exits 1 (an empty checkout or a wrong path must \
        not remove everything).
        """)
    var allowEmpty = false

    // `.unconditional`: a negative number is this option's value (refused by `validate()`), not an unknown flag.
    @Option(parsing: .unconditional, help: """
        How many AWS calls are in flight at once, reads and writes alike; also how many changes are applied at \
        once and how many resources of a kind are read at once.
        """)
    var concurrency: Int = ReconcileContext.defaultConcurrency

    @Option(help: """
        Client-side AWS rate limit, CATEGORY=RATE[/BURST] (e.g. cognito-idp:UserPoolRead=5/5, default=10/10); \
        repeatable. RATE is calls per second, 0.001 to 1000000000; BURST defaults to RATE rounded up. Without it \
        every category gets AWS's default quota. 'default' sets every <service>:default category; Cognito's named \
        categories (cognito-idp:UserPoolRead, ...) keep 15/s unless named themselves.
        """, transform: { try RateLimitArgument(parsing: $0) })
    var rateLimit: [RateLimitArgument] = []

    @Option(help: "Seconds Cognito calls keep retrying a freshly created SMS role that IAM has not propagated yet.")
    var smsRoleTimeout: Int = 120

    @Option(help: "Seconds to wait while another smsauth reconcile or controller holds the status folder's lock (0: fail at once).")
    var lockTimeout: Int = 0

    /// Refuses values the engine cannot use.
    func validate() throws {
        guard lockTimeout >= 0 else { throw ValidationError("--lock-timeout must not be negative.") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
        guard smsRoleTimeout >= 0 else { throw ValidationError("--sms-role-timeout must not be negative.") }
    }

    /// One token bucket per rate-limit category, AWS's default quotas with `--rate-limit` applied: every AWS call of
    /// the command waits for a token of its category.
    func rateLimiters() -> RateLimiterSet {
        RateLimiterSet(configuration: RateLimitArgument.configuration(rateLimit))
    }

    /// The engine with every registered handler, these options, status files in `statusStore`, acting for
    /// `identity` in the partition of `partitionRegion`, planning only what `selector` selects (all without one), rediscovering this owner's resources
    /// without status when `rediscover`; the AWS account id from `accountLookup` (STS GetCallerIdentity unless given).
    func engine(client: AWSClient, partitionRegion: String?, logger: Logger, statusStore: StatusStore, identity: RunIdentity,
                selector: LabelSelector?, rediscover: Bool = false,
                accountLookup: @escaping ReconcileEngine.AccountLookup = ReconcileEngine.callerAccount) -> ReconcileEngine {
        var context = ReconcileContext(client: client, logger: logger,
                                       smsRolePropagationTimeout: .seconds(smsRoleTimeout), partitionRegion: partitionRegion)
        context.readConcurrency = concurrency
        return ReconcileEngine(registry: .standard, context: context, statusStore: statusStore,
                               options: EngineOptions(allowPurchase: allowPurchase, concurrency: concurrency,
                                                      allowEmpty: allowEmpty, identity: identity,
                                                      selector: selector, rediscover: rediscover),
                               accountLookup: accountLookup)
    }

    /// Before any AWS read: checks that `directory` is (or can be made) a writable folder, then takes its lock,
    /// waiting up to `--lock-timeout`. On failure prints the reason (naming the folder, or the lock's holder) and
    /// exits 1.
    func lockStatusFolder(_ directory: URL) throws -> StatusLock {
        try Self.lockStatusFolder(directory, timeout: lockTimeout)
    }

    /// `lockStatusFolder(_:)` with the timeout in seconds given.
    static func lockStatusFolder(_ directory: URL, timeout: Int) throws -> StatusLock {
        do {
            try StatusLocation.checkWritable(directory)
        } catch {
            throw StandardError.failure(error.description)
        }
        do {
            return try StatusLock.acquire(statusDirectory: directory.path, timeout: .seconds(timeout))
        } catch {
            throw StandardError.failure(error.description)
        }
    }
}
