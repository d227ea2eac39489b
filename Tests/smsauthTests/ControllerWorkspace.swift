import AWSCore
import AWSServices
import Foundation
import Logging
import TestSupport

/// A fresh manifest folder, status folder, emulator principal and region for one controller test.
struct ControllerWorkspace {
    /// The test's own folder (removed by `remove()`).
    let root: URL
    /// `root/manifests`.
    let manifests: URL
    /// `root/status`.
    let status: URL
    /// The emulator.
    let emulator: Emulator
    /// This test's principal (its own call log).
    let principal: Emulator.Principal
    /// A region no other test uses.
    let region: String

    /// Creates the folders and a principal; `region` must be unique to the test.
    static func make(region: String) async throws -> ControllerWorkspace {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-controller-\(UUID().uuidString)")
        let manifests = root.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        return ControllerWorkspace(root: root, manifests: manifests, status: root.appendingPathComponent("status"),
                                   emulator: emulator, principal: principal, region: region)
    }

    /// The environment pointing smsauth at the emulator with this principal and region.
    var environment: [String: String] { emulator.environment(for: principal, region: region) }

    /// Starts a controller on `directory` (relative to `root`, default `manifests`) with the status folder, a free
    /// port and `extra` flags.
    func startController(_ extra: [String] = [], directory: String = "manifests") throws -> ControllerProcess {
        try ControllerProcess([directory, "--status-dir", status.path, "--listen", "127.0.0.1:0"] + extra,
                              environment: environment, directory: root)
    }

    /// Writes `text` to `manifests/<name>` (atomically: temporary file, then rename, as editors save).
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: manifests.appendingPathComponent(name), options: .atomic)
    }

    /// Writes `count` user pools (`app0`, `app1`, … in `pool<i>.yaml`) with one app client each (`web<i>`, client name
    /// `web-<i>`, in `client<i>.yaml`).
    func writePoolsWithClients(_ count: Int) throws {
        for index in 0..<count {
            try write("pool\(index).yaml", pool("app\(index)"))
            try write("client\(index).yaml", client("web\(index)", pool: "app\(index)", clientName: "web-\(index)"))
        }
    }

    /// Removes `manifests/<name>`.
    func delete(_ name: String) throws {
        try FileManager.default.removeItem(at: manifests.appendingPathComponent(name))
    }

    /// The status file of `kind/name` as a JSON object, if present and valid.
    func status(_ kind: String, _ name: String) -> [String: Any]? {
        let file = status.appendingPathComponent(kind).appendingPathComponent("\(name).json")
        guard let data = try? Data(contentsOf: file) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Operations this principal called, in order.
    func operations() async throws -> [String] {
        try await emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation)
    }

    /// A Cognito client signed with this principal, for out-of-band changes.
    func cognito() -> CognitoIdentityProvider {
        let client = emulator.client(for: principal)
        return CognitoIdentityProvider(client: client, region: region)
    }

    /// An End User Messaging SMS client signed with this principal, for out-of-band changes.
    func smsVoice() -> SMSVoice {
        SMSVoice(client: emulator.client(for: principal), region: region)
    }

    /// Removes the test's folder.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A UserPool manifest in this region; `policy` lines go under `policy:`.
    func pool(_ name: String, minimumLength: Int = 10, policy: String? = nil) -> String {
        """
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: \(name)}
        spec:
          region: \(region)
          poolName: \(name) users
          usernameAttributes: [email]
          autoVerifiedAttributes: [email]
          passwordPolicy: {minimumLength: \(minimumLength), requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false, temporaryPasswordValidityDays: 7}
          deletionProtection: false
        \(policy.map { "policy:\n  \($0)\n" } ?? "")
        """
    }

    /// An AppClient manifest of pool `pool` (onDelete defaults to Delete for app clients).
    func client(_ name: String, pool: String, clientName: String) -> String {
        """
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: \(name)}
        spec:
          userPool: \(pool)
          clientName: \(clientName)
          generateSecret: false
          explicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]

        """
    }
}

