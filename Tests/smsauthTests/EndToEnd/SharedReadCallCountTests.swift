import Foundation
import Testing
import TestSupport

/// Reads start per resource (an app client as soon as its pool is read), yet what docs/api-calls.md says is shared
/// between them stays shared: a pool described by the UserPool read is not described again for a client moved out of
/// it (found there by its recorded id, it needs that pool's tags), nor, once the pool is removed, for its removed MFA
/// policy and app clients; and clients with recorded ids are described without listing their pool.
@Suite struct SharedReadCallCountTests {
    static let region = "ap-southeast-3"

    /// Pools `x` and `y`; clients `x-c1` and `x-c2` of `x`; an MFA policy on `x`.
    static func write(_ root: URL, client1Pool: String = "x", withX: Bool = true) throws {
        var documents = [
            "apiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: y}\nspec: {poolName: shared-reads-y}\n",
        ]
        if withX {
            documents += [
                "apiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: x}\nspec: {poolName: shared-reads-x}\n",
                "apiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: x-c1}\nspec: {userPool: \(client1Pool), clientName: c1}\n",
                "apiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: x-c2}\nspec: {userPool: x, clientName: c2}\n",
                "apiVersion: smsauth/v1\nkind: MfaPolicy\nmetadata: {name: x-mfa}\nspec: {userPool: x, mode: \"OFF\"}\n",
            ]
        }
        let folder = root.appendingPathComponent("manifests")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "apiVersion: smsauth/v1\nkind: Settings\nspec: {owner: shared-reads}\n"
            .write(to: folder.appendingPathComponent("smsauth.yaml"), atomically: true, encoding: .utf8)
        try documents.joined(separator: "---\n")
            .write(to: folder.appendingPathComponent("stack.yaml"), atomically: true, encoding: .utf8)
    }

    /// The operations of one dry run, counted.
    static func dryRunCalls(_ emulator: Emulator, _ principal: Emulator.Principal, root: URL,
                            environment: [String: String], status: Int32 = 0) async throws -> [String: Int] {
        let before = try await emulator.calls(accessKeyId: principal.accessKeyId).count
        let plan = try await CLIRunner.run(["reconcile", "manifests", "--dry-run"], environment: environment,
                                           directory: root)
        #expect(plan.status == status, "\(plan.stdout)\(plan.stderr)")
        let calls = try await emulator.calls(accessKeyId: principal.accessKeyId).dropFirst(before)
        return Dictionary(calls.map { ($0.operation, 1) }, uniquingKeysWith: +)
    }

    @Test func aPoolIsListedAndDescribedOnceWhateverItsMembersDo() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        try await emulator.keepOperationsPageSize(accessKeyId: principal.accessKeyId)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shared-reads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let environment = emulator.environment(for: principal, region: Self.region)
        try Self.write(root)
        let apply = try await CLIRunner.run(["reconcile", "manifests"], environment: environment, directory: root)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")

        // x-c1 now names pool y (refused: a client cannot move): it is looked for first in x, where it is, and found
        // there by its recorded id; x's clients are described by their ids, without a list. x-c1, found outside the
        // pool its manifest names, needs x's tags: the UserPool read's answer. The first DescribeUserPool of each run
        // is slowed down: when it is x's, x-c1's read starts (y is read) before x's answer arrives, and must wait for
        // it rather than describe x again.
        try Self.write(root, client1Pool: "y")
        for _ in 0..<5 {
            try await emulator.injectFaults([.init(service: "cognito-idp", operation: "DescribeUserPool",
                                                   kind: "latency", accessKeyId: principal.accessKeyId, count: 1,
                                                   latencyMs: 300)])
            let moved = try await Self.dryRunCalls(emulator, principal, root: root, environment: environment,
                                                   status: 1)
            #expect(moved["DescribeUserPool"] == 2, "x and y, once each: \(moved)")
            #expect(moved["DescribeUserPoolClient"] == 2, "\(moved)")
            #expect(moved["ListUserPoolClients"] == nil, "\(moved)")
        }

        // Pool x, its clients and its MFA policy removed: x is described once, by the UserPool read; its clients by
        // their recorded ids.
        try Self.write(root, withX: false)
        for _ in 0..<3 {
            let removed = try await Self.dryRunCalls(emulator, principal, root: root, environment: environment)
            #expect(removed["DescribeUserPool"] == 2, "x and y, once each: \(removed)")
            #expect(removed["DescribeUserPoolClient"] == 2, "\(removed)")
            #expect(removed["ListUserPoolClients"] == nil, "\(removed)")
        }
    }
}
