import ServiceLifecycle

/// Runs a `GitOpsController` under swift-service-lifecycle: on graceful shutdown (SIGTERM, SIGINT) the controller
/// stops taking work and returns once the reconcile in flight finished.
public struct ControllerService: Service {
    /// The controller.
    let controller: GitOpsController

    /// Wraps `controller`.
    public init(controller: GitOpsController) {
        self.controller = controller
    }

    /// Runs the controller until graceful shutdown.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await controller.run()
        } onGracefulShutdown: {
            Task { await controller.stop() }
        }
    }
}
