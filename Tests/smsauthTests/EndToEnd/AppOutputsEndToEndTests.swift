import AWSCore
import AWSServices
import Foundation
import Testing

/// examples/app-configuration-outputs applied with the real binary: the confidential client's secret is in Secrets
/// Manager and nowhere else, the outputs parameters and `smsauth outputs` carry the live ids in the published
/// formats, a dry run after apply plans nothing, and a replaced client rewrites its secret and outputs.
@Suite("App configuration outputs end to end", .timeLimit(.minutes(8)))
struct AppOutputsEndToEndTests {
    static let region = "eu-central-1"
    static let secretName = "tasks/backend/client-secret"

    @Test func deliversSecretAndOutputsAndRewritesThemOnReplace() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let roleName = "e2e-outputs-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["examples/app-configuration-outputs"],
                                  substitutions: [("roleName: tasks-cognito-sms\n", "roleName: \(roleName)\n")])
        defer { space.remove() }
        var printed: [String] = []

        let applied = try await space.reconcile(["--log-level", "trace"], environment: context.environment)
        printed += [applied.stdout, applied.stderr]
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("    + secret: {\"secretsManager:\(Self.secretName)\": (sensitive)}\n"), "\(applied.stdout)")
        #expect(applied.stdout.hasSuffix("Apply complete: 5 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))

        let pool = try await context.ownedPool(named: "tasks")
        let backend = try await context.client(named: "tasks-backend", in: pool.id)
        let mobile = try await context.client(named: "tasks-mobile", in: pool.id)
        let secret = try #require(try await context.cognito.clientSecret(poolId: pool.id, clientId: backend.clientId)).reveal()
        #expect(try await storedSecret(context) == secret)

        let backendOutputs = try await parameter("/tasks/backend/client", context)
        let clients = try #require(try json(backendOutputs)["clients"] as? [[String: Any]])
        #expect(clients.first?["clientId"] as? String == backend.clientId)
        #expect(clients.first?["userPoolId"] as? String == pool.id)
        #expect(clients.first?["hasSecret"] as? Bool == true)
        let mobileOutputs = try await parameter("/tasks/mobile/amplify_outputs", context)
        #expect(AmplifyOutputsSchema.violations(of: mobileOutputs) == [])
        let mobileAuth = try #require(try json(mobileOutputs)["auth"] as? [String: Any])
        #expect(mobileAuth["user_pool_client_id"] as? String == mobile.clientId)
        #expect(mobileAuth["mfa_configuration"] as? String == "OPTIONAL")
        #expect(mobileAuth["mfa_methods"] as? [String] == ["SMS", "TOTP"])

        for client in ["tasks-mobile", "tasks-backend"] {
            let amplify = try await outputs(["--format", "amplify", "--client", client], space, context, printed: &printed)
            #expect(AmplifyOutputsSchema.violations(of: amplify) == [], "\(amplify)")
            let auth = try #require(try json(amplify)["auth"] as? [String: Any])
            #expect(auth["user_pool_id"] as? String == pool.id)
            #expect(auth["aws_region"] as? String == Self.region)
            #expect(auth["user_pool_client_id"] as? String == (client == "tasks-mobile" ? mobile.clientId : backend.clientId))
            #expect(auth["username_attributes"] as? [String] == ["phone_number"])
            #expect(auth["user_verification_types"] as? [String] == ["phone_number"])
        }
        let gen1 = try await outputs(["--format", "amplify-gen1", "--client", "tasks-backend"], space, context, printed: &printed)
        let env = try await outputs(["--format", "env", "--client", "tasks-backend"], space, context, printed: &printed)
        let all = try await outputs(["--format", "json"], space, context, printed: &printed)
        printed += [backendOutputs, mobileOutputs]
        let plugin = try #require(((try json(gen1)["auth"] as? [String: Any])?["plugins"] as? [String: Any])?["awsCognitoAuthPlugin"] as? [String: Any])
        let userPool = try #require((plugin["CognitoUserPool"] as? [String: Any])?["Default"] as? [String: Any])
        #expect(userPool as? [String: String] == ["PoolId": pool.id, "AppClientId": backend.clientId, "Region": Self.region])
        #expect(env.contains("COGNITO_USER_POOL_ID=\(pool.id)\nCOGNITO_CLIENT_ID=\(backend.clientId)\n"))
        #expect((try json(all)["clients"] as? [[String: Any]])?.count == 2)
        let ambiguous = try await CLIRunner.run(["outputs", space.manifests.path, "--status-dir", space.statusDirectory.path,
                                                 "--format", "amplify"], environment: context.environment)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("choose one with --client"), "\(ambiguous.stderr)")

        let planJSON = try await space.reconcile(["--dry-run", "--detailed-exitcode", "--output", "json"], environment: context.environment)
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        printed += [planJSON.stdout, planJSON.stderr, again.stdout, again.stderr]
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 5 unchanged.\n")

        // A second pool, and the backend client moved into it with Recreate: a replace.
        try space.write("user-pool-b.yaml", try space.read("user-pool.yaml")
            .replacingOccurrences(of: "name: tasks\n", with: "name: tasks-b\n")
            .replacingOccurrences(of: "poolName: Tasks users", with: "poolName: Tasks users B"))
        try space.edit("backend-client.yaml", replacing: "  userPool: tasks\n",
                       with: "  userPool: tasks-b\n")
        try space.write("backend-client.yaml", try space.read("backend-client.yaml") + "policy:\n  onImmutableChange: Recreate\n")
        let replaced = try await space.reconcile(["--log-level", "trace"], environment: context.environment)
        printed += [replaced.stdout, replaced.stderr]
        #expect(replaced.status == 0, "\(replaced.stdout)\(replaced.stderr)")
        #expect(replaced.stdout.contains("-/+ AppClient/tasks-backend"), "\(replaced.stdout)")
        #expect(replaced.stdout.contains("    ~ secret: {\"secretsManager:\(Self.secretName)\": (sensitive)} → {\"secretsManager:\(Self.secretName)\": (sensitive)}\n"),
                "\(replaced.stdout)")
        let poolB = try await context.ownedPool(named: "tasks-b")
        let newBackend = try await context.client(named: "tasks-backend", in: poolB.id)
        let newSecret = try #require(try await context.cognito.clientSecret(poolId: poolB.id, clientId: newBackend.clientId)).reveal()
        #expect(newSecret != secret)
        #expect(try await storedSecret(context) == newSecret)
        let newOutputs = try await parameter("/tasks/backend/client", context)
        printed.append(newOutputs)
        let newClient = try #require((try json(newOutputs)["clients"] as? [[String: Any]])?.first)
        #expect(newClient["clientId"] as? String == newBackend.clientId)
        #expect(newClient["userPoolId"] as? String == poolB.id)
        let writes = try await context.writeCalls()
        #expect(writes.filter { $0 == "CreateSecret" }.count == 1)
        #expect(writes.filter { $0 == "PutSecretValue" }.count == 1)
        let settled = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        printed += [settled.stdout, settled.stderr]
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")

        printed += try statusFiles(space)
        printed.append(String(decoding: try await context.emulator.control("GET", "calls"), as: UTF8.self))
        for (index, text) in printed.enumerated() {
            #expect(!text.contains(secret) && !text.contains(newSecret), "output \(index) contains a client secret")
        }
    }

    /// A client renamed (its `metadata.name`) keeps its secret and outputs parameter: their ownership tags move to
    /// the new name, as a tagged resource's do. Before, the rename wrote nothing, and the next run found both
    /// tagged for the old name, someone else's, and refused the client on every run.
    @Test func aRenamedClientKeepsItsDeliveries() async throws {
        let region = "sa-east-1"
        let (context, space, _) = try await Self.appliedExample(region: region, label: "rename-outputs")
        defer { space.remove() }
        try space.edit("backend-client.yaml", replacing: "  name: tasks-backend\n", with: "  name: tasks-api\n")

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("> AppClient/tasks-api (renamed from AppClient/tasks-backend)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("tags.smsauth:resource: \"AppClient/tasks-backend\" → \"AppClient/tasks-api\""),
                "the rename shows the tag it writes on the deliveries: \(plan.stdout)")
        let (renamed, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(renamed.status == 0, "\(renamed.stdout)\(renamed.stderr)")
        #expect(Set(writes) == ["TagResource", "AddTagsToResource"], "\(writes) \(renamed.stdout)")
        let secret = try await SecretsManager(client: context.reader, region: region).describeSecret(id: Self.secretName)
        #expect(secret?.tags["smsauth:resource"] == "AppClient/tasks-api")
        let tags = try await SSM(client: context.reader, region: region).listTags(parameter: "/tasks/backend/client")
        #expect(tags["smsauth:resource"] == "AppClient/tasks-api")
        let settled = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")
    }

    /// A client renamed and replaced in the same run (a new `generateSecret` under Recreate) keeps its outputs
    /// parameter: its ownership tag moves to the new name before the document is written again. Before, the write
    /// found the parameter tagged for the old name and failed, and every later run refused the client.
    @Test func aClientRenamedAndReplacedKeepsItsOutputs() async throws {
        let region = "eu-west-2"
        let (context, space, poolName) = try await Self.appliedExample(region: region, label: "replace-outputs")
        defer { space.remove() }
        try space.edit("mobile-client.yaml", replacing: "  name: tasks-mobile\n", with: "  name: tasks-app\n")
        try space.edit("mobile-client.yaml", replacing: "  generateSecret: false\n", with: "  generateSecret: true\n")
        try space.write("mobile-client.yaml", try space.read("mobile-client.yaml") + "policy: {onImmutableChange: Recreate}\n")

        let replaced = try await space.reconcile(environment: context.environment)
        #expect(replaced.status == 0, "\(replaced.stdout)\(replaced.stderr)")
        let tags = try await SSM(client: context.reader, region: region).listTags(parameter: "/tasks/mobile/amplify_outputs")
        #expect(tags["smsauth:resource"] == "AppClient/tasks-app")
        let pool = try await context.ownedPool(named: poolName)
        let client = try await context.client(named: "tasks-mobile", in: pool.id)
        let document = try #require(try await SSM(client: context.reader, region: region)
            .getParameter(name: "/tasks/mobile/amplify_outputs")?.value)
        #expect(document.contains(client.clientId), "the document names the new client")
        let settled = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")
    }

    /// A rename refused with the change it comes with (a new `generateSecret` without Recreate) writes nothing: its
    /// status file moves to the new name and records the old one (`renamedFrom`), whose tags the outputs parameter
    /// still carries. Once the manifest is fixed, the next run carries the rename out (the parameter's tag) and
    /// clears it. Before, the new name found the parameter someone else's and refused the client on every run.
    @Test func aRefusedRenameIsCarriedOutOnceItsManifestIsFixed() async throws {
        let region = "eu-west-3"
        let (context, space, _) = try await Self.appliedExample(region: region, label: "refused-rename")
        defer { space.remove() }
        try space.edit("mobile-client.yaml", replacing: "  name: tasks-mobile\n", with: "  name: tasks-app\n")
        try space.edit("mobile-client.yaml", replacing: "  generateSecret: false\n", with: "  generateSecret: true\n")
        let refused = try await space.reconcile(environment: context.environment)
        #expect(refused.status == 1 && refused.stdout.contains("refused AppClient/tasks-app"), "\(refused.stdout)")
        #expect(!RemovalEndToEndTests.hasStatus(space, "AppClient/tasks-mobile"))
        #expect(try space.statusFile("AppClient/tasks-app")["renamedFrom"] as? String == "AppClient/tasks-mobile")
        let again = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(again.stdout.contains("AppClient/tasks-app (renamed from AppClient/tasks-mobile)"), "\(again.stdout)")
        #expect(!again.stdout.contains("without this resource's ownership tags"), "\(again.stdout)")

        try space.edit("mobile-client.yaml", replacing: "  generateSecret: true\n", with: "  generateSecret: false\n")
        let (renamed, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(renamed.status == 0 && renamed.stdout.contains("renamed AppClient/tasks-mobile to AppClient/tasks-app"),
                "\(renamed.stdout)\(renamed.stderr)")
        #expect(writes == ["AddTagsToResource"], "\(writes)")
        let tags = try await SSM(client: context.reader, region: region).listTags(parameter: "/tasks/mobile/amplify_outputs")
        #expect(tags["smsauth:resource"] == "AppClient/tasks-app")
        #expect(try space.statusFile("AppClient/tasks-app")["renamedFrom"] is NSNull)
        let settled = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")
    }

    /// The example applied in `region`, with a role name and a pool name of its own (`label` in them; the pool's
    /// `metadata.name` is returned): other tests apply pools named `tasks`.
    static func appliedExample(region: String, label: String) async throws -> (EndToEndContext, Workspace, pool: String) {
        let context = try await EndToEndContext.make(region: region)
        let unique = "\(label)-\(UUID().uuidString.prefix(8).lowercased())"
        let pool = "tasks-\(unique)"
        let space = try Workspace(copying: ["examples/app-configuration-outputs"], substitutions: [
            ("roleName: tasks-cognito-sms\n", "roleName: e2e-\(unique)\n"), ("region: eu-central-1", "region: \(region)"),
            ("  name: tasks\n", "  name: \(pool)\n"), ("userPool: tasks\n", "userPool: \(pool)\n"),
        ])
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        return (context, space, pool)
    }

    /// `smsauth outputs` of the workspace; fails the test when it fails.
    private func outputs(_ arguments: [String], _ space: Workspace, _ context: EndToEndContext,
                         printed: inout [String]) async throws -> String {
        let result = try await CLIRunner.run(["outputs", space.manifests.path, "--status-dir", space.statusDirectory.path,
                                              "--log-level", "trace"] + arguments, environment: context.environment)
        #expect(result.status == 0, "\(result.stderr)")
        printed += [result.stdout, result.stderr]
        return result.stdout
    }

    /// The secret's current value, read by the reader principal (GetSecretValue).
    private func storedSecret(_ context: EndToEndContext) async throws -> String? {
        let output = try await context.reader.json(.secretsManager, region: Self.region, operation: "GetSecretValue",
                                                   input: ["SecretId": .string(Self.secretName)] as JSONValue,
                                                   as: JSONValue.self)
        return output["SecretString"]?.stringValue
    }

    /// A String parameter's value, read by the reader principal.
    private func parameter(_ name: String, _ context: EndToEndContext) async throws -> String {
        let parameter = try #require(try await SSM(client: context.reader, region: Self.region).getParameter(name: name))
        return try #require(parameter.value)
    }

    /// Every status file's text.
    private func statusFiles(_ space: Workspace) throws -> [String] {
        let files = FileManager.default.enumerator(at: space.statusDirectory, includingPropertiesForKeys: nil)
        return try (files?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
            .map { try String(contentsOf: $0, encoding: .utf8) }
    }

    /// A JSON object.
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
