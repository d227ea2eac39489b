import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Builds plan inputs for the AppClient and MfaPolicy plan tests from YAML manifests.
enum ClientMfaFixtures {
    /// The pool every fixture manifest lives in.
    static let pool = ResourceAddress(kind: .userPool, name: "qnatime")

    /// Errors building a fixture.
    enum Failure: Error { case notOneManifest(String) }

    /// The one manifest of `yaml` (with `apiVersion` added).
    static func manifest(_ yaml: String) throws -> Manifest {
        let result = ManifestLoader().load(text: "apiVersion: smsauth/v1\n" + yaml, file: "fixture.yaml")
        guard result.manifests.count == 1, !result.hasErrors, let manifest = result.manifests.first else {
            throw Failure.notOneManifest(result.diagnostics.map { "\($0)" }.joined(separator: "; "))
        }
        return manifest
    }

    /// The desired resource of `yaml`, in us-east-1, depending on the pool.
    static func desired(_ yaml: String) throws -> DesiredResource {
        DesiredResource(manifest: try manifest(yaml), region: "us-east-1", dependencies: [pool])
    }

    /// A plan input for `address`.
    static func input<Live>(_ address: ResourceAddress, desired: DesiredResource?, live: LiveState<Live>,
                            poolAction: ChangeAction = .noop, deletePolicy: DeletePolicy = .retain,
                            status: ResourceStatus? = nil) -> PlanInput<Live> {
        PlanInput(address: address, desired: desired, live: live, status: status,
                  references: [pool: ["id": "us-east-1_Pool1"]], dependencyActions: [pool: poolAction],
                  deletePolicy: deletePolicy, options: PlanOptions(account: "123456789012"))
    }
}
