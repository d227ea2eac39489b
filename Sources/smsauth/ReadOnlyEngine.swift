import Foundation
import Logging
import Manifests
import Reconciler

/// The engine of a command that only reads (`doctor`, `outputs`): the AWS context of the global options, the
/// manifest set's state opened for reading, and the set's identity.
struct ReadOnlyEngine {
    /// The engine (standard handlers, default options).
    let engine: ReconcileEngine
    /// The AWS context it calls through.
    let aws: AWSContext

    /// Opens the state of the manifest folder `directory` (whose manifests are `loaded`) for reading; exits 1 naming
    /// the problem when the state or the owner cannot be resolved.
    static func make(global: GlobalOptions, directory: String, loaded: LoadResult, logger: Logger) async throws
        -> ReadOnlyEngine {
        let environment = ProcessInfo.processInfo.environment
        let aws = try AWSContext.make(options: global, environment: environment, logger: logger)
        let store = try await StateAccess.resolve(global: global, manifests: directory,
                                                  settingsState: loaded.settings?.state?.value, environment: environment)
            .openForReading(aws: aws)
        let identity = try CommandIdentity.make(directory: directory, settingsOwner: loaded.settings?.owner.value,
                                                environment: environment)
        let context = ReconcileContext(client: aws.client, logger: logger, partitionRegion: aws.defaultRegion)
        return ReadOnlyEngine(engine: ReconcileEngine(registry: .standard, context: context, statusStore: store,
                                                      options: EngineOptions(identity: identity)),
                              aws: aws)
    }
}
