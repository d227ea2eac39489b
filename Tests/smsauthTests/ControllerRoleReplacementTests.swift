import AWSServices
import Foundation
import Testing

extension ControllerEndToEnd {
    /// An SMS role replaced under a new name while the controller runs, with several pools naming it. The controller
    /// plans a few keys at a time (four workers share the queue, one key each here), so the role may be reconciled
    /// in a batch without its pools. Before, that batch deleted the old role at its end, while the pools queued apart
    /// still named it (they could not send SMS until their own batch moved them, nor at all when that failed). Now a
    /// role is reconciled with the pools naming it, and its old role is deleted only once every one of them moved.
    @Suite struct ControllerRoleReplacementTests {
        @Test func theOldRoleIsDeletedOnlyAfterEveryPoolNamingItMoved() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ca-west-1")
            defer { workspace.remove() }
            let tag = UUID().uuidString.prefix(8).lowercased()
            let oldName = "ctl-replace-\(tag)"
            let newName = oldName + "-v2"
            let pools = try Self.writeRoleAndPools(workspace, roleName: oldName, count: 3, tag: tag)
            let controller = try workspace.startController()
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done", timeout: .seconds(60)) != nil, "\(controller.log)")
            let iam = IAM(client: workspace.emulator.client(for: workspace.principal))
            let oldArn = try #require(try await iam.getRole(name: oldName)).arn
            #expect(try await Self.poolRoles(workspace, pools) == Array(repeating: oldArn, count: pools.count))

            try workspace.write("role.yaml", Self.role(roleName: newName))
            try await Self.expectMovedThenDeleted(workspace, controller: controller, pools: pools, from: oldName,
                                                  to: newName)
        }

        /// The role's `metadata.name` renamed with its `roleName`, and the pools with it: the old role's removal (held
        /// for the prune delay) and a new role. The old role is deleted in the run that reconciles its removal, after
        /// the pools moved off it; before, that run deleted it first and the pools named a deleted role.
        @Test func aRemovedRoleIsDeletedAfterThePoolsMovedOffIt() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ca-west-1")
            defer { workspace.remove() }
            let tag = UUID().uuidString.prefix(8).lowercased()
            let oldName = "ctl-removed-\(tag)"
            let newName = oldName + "-b"
            let pools = try Self.writeRoleAndPools(workspace, roleName: oldName, count: 2, tag: tag)
            let controller = try workspace.startController(["--prune-delay", "1", "--pending-poll", "1s"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done", timeout: .seconds(60)) != nil, "\(controller.log)")

            try workspace.write("role.yaml", Self.role(roleName: newName, name: "renamed-sms"))
            for pool in pools {
                try workspace.write("\(pool).yaml", Self.pool(pool, region: workspace.region, role: "renamed-sms"))
            }
            try await Self.expectMovedThenDeleted(workspace, controller: controller, pools: pools, from: oldName,
                                                  to: newName)
        }

        /// Writes the shared role (`roleName`) and `count` pools naming it; returns the pools' names.
        static func writeRoleAndPools(_ workspace: ControllerWorkspace, roleName: String, count: Int,
                                      tag: String) throws -> [String] {
            try workspace.write("role.yaml", role(roleName: roleName))
            let pools = (0..<count).map { "pool\($0)-\(tag)" }
            for pool in pools {
                try workspace.write("\(pool).yaml", Self.pool(pool, region: workspace.region))
            }
            return pools
        }

        /// Waits until every pool names the role `newName` and the role `oldName` is gone; the old role was deleted
        /// after every pool's update.
        static func expectMovedThenDeleted(_ workspace: ControllerWorkspace, controller: ControllerProcess,
                                           pools: [String], from oldName: String, to newName: String) async throws {
            let iam = IAM(client: workspace.emulator.client(for: workspace.principal))
            let newArn = try await Poll.until(timeout: .seconds(60)) { () -> String? in
                guard let arn = try await iam.getRole(name: newName)?.arn,
                      try await poolRoles(workspace, pools) == Array(repeating: arn, count: pools.count),
                      try await iam.getRole(name: oldName) == nil else { return nil }
                return arn
            }
            #expect(newArn != nil, "every pool names the new role and the old one is gone: \(controller.log)")
            let operations = try await workspace.operations()
            let deleted = try #require(operations.lastIndex(of: "DeleteRole"), "\(operations)")
            let moves = operations.indices.filter { operations[$0] == "UpdateUserPool" }
            #expect(moves.count >= pools.count, "\(operations)")
            #expect(moves.allSatisfy { $0 < deleted }, "the old role is deleted after every pool moved: \(operations)")
        }

        /// The SMS role every pool names, replaced under a new name with `Recreate`.
        static func role(roleName: String, name: String = "shared-sms") -> String {
            """
            apiVersion: smsauth/v1
            kind: SmsRole
            metadata: {name: \(name)}
            spec:
              roleName: \(roleName)
              externalId: 0b7f6a52-3c1e-4f0a-9d53-8e2b1f4c7a10
            policy: {onImmutableChange: Recreate, onDelete: Delete}

            """
        }

        /// A pool sending SMS through `role`.
        static func pool(_ name: String, region: String, role: String = "shared-sms") -> String {
            """
            apiVersion: smsauth/v1
            kind: UserPool
            metadata: {name: \(name)}
            spec:
              region: \(region)
              poolName: \(name)
              usernameAttributes: [phone_number]
              autoVerifiedAttributes: [phone_number]
              smsRole: \(role)
              deletionProtection: false

            """
        }

        /// The role ARN each pool's SmsConfiguration names, in the order of `pools`.
        static func poolRoles(_ workspace: ControllerWorkspace, _ pools: [String]) async throws -> [String?] {
            var roles: [String?] = []
            for pool in pools {
                guard let id = (workspace.status("UserPool", pool)?["resource"] as? [String: Any])?["id"] as? String else {
                    roles.append(nil)
                    continue
                }
                let live = try await workspace.cognito().describeUserPool(id: id)
                roles.append(live?.raw["SmsConfiguration"]?["SnsCallerArn"]?.stringValue)
            }
            return roles
        }
    }
}
