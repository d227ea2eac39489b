import AWSServices
import Foundation
import Testing

/// `--selector` with the real binary: only the selected manifests are planned and applied; an unselected
/// manifest's change is not applied, and a resource whose manifest was removed is not deleted under a selector
/// (its status file is not touched), until a run without one.
@Suite("--selector end to end", .timeLimit(.minutes(8)))
struct SelectorEndToEndTests {
    @Test func onlySelectedManifestsArePlannedAndAnUnselectedRemovalDeletesNothing() async throws {
        let workspace = try await ControllerWorkspace.make(region: "ap-northeast-3")
        defer { workspace.remove() }
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let (alpha, beta) = ("sel-a-\(suffix)", "sel-b-\(suffix)")
        try workspace.write("a.yaml", workspace.labelledPool(alpha, labels: "{app: alpha, tier: web}"))
        try workspace.write("b.yaml", workspace.labelledPool(beta, labels: "{app: beta}"))
        let created = try await workspace.reconcile([])
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")

        try workspace.write("a.yaml", workspace.labelledPool(alpha, labels: "{app: alpha, tier: web}", minimumLength: 12))
        try workspace.write("b.yaml", workspace.labelledPool(beta, labels: "{app: beta}", minimumLength: 12))
        let plan = try await workspace.reconcile(["--dry-run", "--selector", "app=alpha,tier in (web,api)"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("~ UserPool/\(alpha)"), "\(plan.stdout)")
        #expect(!plan.stdout.contains(beta), "\(plan.stdout)")
        #expect(plan.stdout.hasSuffix("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 refused.\n"))

        let applied = try await workspace.reconcile(["-l", "app!=beta"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stderr.isEmpty, "one-shot commands log at warning by default: no info lines\n\(applied.stderr)")
        #expect(try await workspace.minimumLength(of: alpha) == 12)
        #expect(try await workspace.minimumLength(of: beta) == 10, "the unselected manifest's change is not applied")

        let betaStatus = try workspace.statusData("UserPool", beta)
        try workspace.delete("b.yaml")
        let removed = try await workspace.reconcile(["--selector", "app"])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(!removed.stdout.contains(beta), "\(removed.stdout)")
        #expect(try await workspace.minimumLength(of: beta) == 10, "an unselected removed manifest deletes nothing")
        #expect(try workspace.statusData("UserPool", beta) == betaStatus, "its status file is left untouched")

        let listed = try await CLIRunner.run(["status", workspace.manifests.path, "--status-dir", workspace.status.path,
                                              "--selector", "app=alpha"], environment: workspace.environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains(alpha) && !listed.stdout.contains(beta), "\(listed.stdout)")
        // Statuses none of which is selected are not "no status files".
        let unmatched = try await CLIRunner.run(["status", workspace.manifests.path, "--status-dir", workspace.status.path,
                                                 "--selector", "app=nomatch"], environment: workspace.environment)
        #expect(unmatched.status == 0, "\(unmatched.stderr)")
        #expect(unmatched.stdout.hasPrefix("No status file in \(workspace.status.path) is of a manifest the selector selects ("),
                "\(unmatched.stdout)")

        let betaId = try workspace.poolId(beta)
        let unselected = try await workspace.reconcile([])
        #expect(unselected.status == 0, "\(unselected.stdout)\(unselected.stderr)")
        #expect(unselected.stdout.contains("- UserPool/\(beta)"), "without a selector the removal is acted on")
        #expect(try await workspace.cognito().describeUserPool(id: betaId) == nil)
    }

    /// A pool's manifest renamed (`metadata.name`, the same `poolName`), applied with a selector: a selected run reads
    /// no removed status, so it cannot tell the rename, and creating the pool would make a second one (a later full
    /// run then deleted the original, with its users, under `onDelete: Delete`). The create waits instead; the
    /// next run without a selector renames the pool.
    @Test func aRenameUnderASelectorWaitsForAFullRun() async throws {
        let workspace = try await ControllerWorkspace.make(region: "ap-northeast-3")
        defer { workspace.remove() }
        let name = "sel-r-\(UUID().uuidString.prefix(6).lowercased())"
        try workspace.write("a.yaml", workspace.labelledPool(name, labels: "{app: renamed}"))
        let created = try await workspace.reconcile([])
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let id = try workspace.poolId(name)

        let renamed = workspace.labelledPool(name, labels: "{app: renamed}")
            .replacingOccurrences(of: "metadata: {name: \(name),", with: "metadata: {name: \(name)-v2,")
        try workspace.write("a.yaml", renamed)
        let selected = try await workspace.reconcile(["--selector", "app=renamed"])
        #expect(selected.stdout.contains("waiting for the removal of UserPool/\(name) to be reconciled: this may be "
                                         + "its rename"), "\(selected.stdout)")
        let pools = try await workspace.cognito().listUserPools().filter { $0.name == "\(name) users" }
        #expect(pools.map(\.id) == [id], "no second pool")

        let full = try await workspace.reconcile([])
        #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
        #expect(full.stdout.contains("renamed UserPool/\(name) to UserPool/\(name)-v2"), "\(full.stdout)")
        #expect(try workspace.poolId("\(name)-v2") == id, "the renamed manifest manages the same pool")
        #expect(try await workspace.cognito().listUserPools().filter { $0.name == "\(name) users" }.map(\.id) == [id])
    }

    @Test func theLogLevelCanStillBeRaised() async throws {
        let workspace = try await ControllerWorkspace.make(region: "ap-northeast-3")
        defer { workspace.remove() }
        try workspace.write("a.yaml", workspace.labelledPool("loud-\(UUID().uuidString.prefix(6).lowercased())",
                                                             labels: "{}"))
        let applied = try await workspace.reconcile(["--log-level", "info"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains(" info smsauth.reconcile: applied change"), "\(applied.stderr)")
    }

    @Test func aMalformedSelectorIsRefusedWithItsColumnBeforeAnythingIsRead() async throws {
        let result = try await CLIRunner.run(["reconcile", "/nonexistent", "--selector", "app=x,,tier"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(
            "error: --selector 'app=x,,tier': column 7: expected a label key or '!', found ','\n"), "\(result.stderr)")
    }
}

extension ControllerEndToEnd {
    /// The controller with `--selector` corrects drift on the selected pool and leaves the unselected one alone:
    /// neither its drift nor the removal of its manifest is acted on, and its status file is not touched.
    @Suite struct ControllerSelectorTests {
        @Test func theControllerLeavesUnselectedResourcesAlone() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-southeast-2")
            defer { workspace.remove() }
            let suffix = UUID().uuidString.prefix(6).lowercased()
            let (alpha, beta) = ("ctl-a-\(suffix)", "ctl-b-\(suffix)")
            try workspace.write("a.yaml", workspace.labelledPool(alpha, labels: "{team: sms}"))
            try workspace.write("b.yaml", workspace.labelledPool(beta, labels: "{team: other}"))
            let created = try await workspace.reconcile([])
            #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
            try await workspace.setMinimumLengthByHand(alpha, 6)
            try await workspace.setMinimumLengthByHand(beta, 6)
            let betaStatus = try workspace.statusData("UserPool", beta)
            try workspace.delete("b.yaml")

            let controller = try workspace.startController(["-l", "team=sms", "--resync-period", "2s",
                                                            "--prune-delay", "0"])
            defer { controller.stop() }
            let corrected = try await Poll.until(timeout: .seconds(30)) {
                try await workspace.minimumLength(of: alpha) == 10 ? true : nil
            }
            #expect(corrected == true, "the selected pool's drift is corrected\n\(controller.log)")
            try await Self.waitForFullSyncs(2, controller)
            let syncs = controller.records.filter { $0["message"] as? String == "full sync done" }
            #expect(syncs.allSatisfy { $0["keys"] as? String == "1" }, "only the selected key is queued: \(syncs)")
            #expect(try await workspace.minimumLength(of: beta) == 6, "the unselected pool is neither corrected nor deleted")
            #expect(try workspace.statusData("UserPool", beta) == betaStatus, "\(controller.log)")
        }

        /// Labels are not in the spec hash, yet a manifest relabelled into the selection is reconciled at once, with
        /// the next resync ten minutes away: its drift is corrected. Relabelled out again, it is not queued: a
        /// selected pool's change written after it is corrected, and the relabelled pool's drift is left alone.
        @Test func aManifestRelabelledIntoTheSelectionIsReconciledAtOnce() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-south-1")
            defer { workspace.remove() }
            let suffix = UUID().uuidString.prefix(6).lowercased()
            let (name, marker) = ("relabel-\(suffix)", "marker-\(suffix)")
            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{team: other}"))
            try workspace.write("marker.yaml", workspace.labelledPool(marker, labels: "{team: sms}"))
            let created = try await workspace.reconcile([])
            #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
            try await workspace.setMinimumLengthByHand(name, 6)

            let controller = try workspace.startController(["-l", "team=sms", "--resync-period", "10m"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            #expect(try await workspace.minimumLength(of: name) == 6, "not selected yet")

            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{team: sms}"))
            let corrected = try await Poll.until(timeout: .seconds(20)) {
                try await workspace.minimumLength(of: name) == 10 ? true : nil
            }
            #expect(corrected == true, "corrected once selected\n\(controller.log)")
            // The run that corrected it has ended when it logs the correction (after its status write).
            let logged = try await Poll.until(timeout: .seconds(10)) {
                controller.records.contains {
                    $0["message"] as? String == "drift corrected" && ($0["resource"] as? String)?.hasSuffix(name) == true
                } ? true : nil
            }
            #expect(logged == true, "\(controller.log)")

            // Drift made while selected waits for the resync; relabelled out, it is never corrected. The marker's
            // change is written after the relabel, so once it is applied the relabel has been read.
            try await workspace.setMinimumLengthByHand(name, 7)
            let changes = { controller.records.filter { $0["message"] as? String == "manifests changed" } }
            let before = changes().count
            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{team: gone}"))
            try workspace.write("marker.yaml", workspace.labelledPool(marker, labels: "{team: sms}", minimumLength: 12))
            let applied = try await Poll.until(timeout: .seconds(20)) {
                try await workspace.minimumLength(of: marker) == 12 ? true : nil
            }
            #expect(applied == true, "\(controller.log)")
            let queued = changes().dropFirst(before).compactMap { $0["keys"] as? String }
            #expect(!queued.isEmpty && !queued.contains { $0.contains(name) }, "relabelled out, not queued: \(queued)")
            #expect(try await workspace.minimumLength(of: name) == 7, "left alone once unselected")
        }

        /// Waits until the controller has logged `count` more full syncs than now.
        static func waitForFullSyncs(_ count: Int, _ controller: ControllerProcess) async throws {
            let done = { controller.records.filter { $0["message"] as? String == "full sync done" }.count }
            let target = done() + count
            let reached = try await Poll.until(timeout: .seconds(30)) { done() >= target ? true : nil }
            #expect(reached == true, "\(count) more full syncs\n\(controller.log)")
        }
    }
}

extension ControllerWorkspace {
    /// A UserPool manifest like `pool(_:)` with `metadata.labels` (a flow mapping), deleted when its manifest is
    /// removed; `policy` lines go under `policy:` too.
    func labelledPool(_ name: String, labels: String, minimumLength: Int = 10, policy: [String] = []) -> String {
        """
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: \(name), labels: \(labels)}
        spec:
          region: \(region)
          poolName: \(name) users
          usernameAttributes: [email]
          autoVerifiedAttributes: [email]
          passwordPolicy: {minimumLength: \(minimumLength), requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false, temporaryPasswordValidityDays: 7}
          deletionProtection: false
        policy:
          onDelete: Delete
        \((policy.map { "  " + $0 }).joined(separator: "\n"))

        """
    }

    /// `smsauth reconcile manifests --status-dir status --no-color arguments…` as this workspace's principal.
    func reconcile(_ arguments: [String]) async throws -> CLIRunner.Result {
        try await CLIRunner.run(["reconcile", manifests.path, "--status-dir", status.path, "--no-color"] + arguments,
                                environment: environment)
    }

    /// The bytes of the status file of `kind/name`.
    func statusData(_ kind: String, _ name: String) throws -> Data {
        try Data(contentsOf: status.appendingPathComponent(kind).appendingPathComponent("\(name).json"))
    }

    /// The live id of the pool smsauth created for manifest `name` (from its status file).
    func poolId(_ name: String) throws -> String {
        try #require((status("UserPool", name)?["resource"] as? [String: Any])?["id"] as? String)
    }

    /// The live password minimum length of pool `name`, or nil when the pool no longer exists.
    func minimumLength(of name: String) async throws -> Int? {
        guard let pool = try await cognito().describeUserPool(id: try poolId(name)) else { return nil }
        return pool.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"]?.intValue
    }

    /// Changes pool `name`'s password minimum length out of band, as the console does (with the pool's tags).
    func setMinimumLengthByHand(_ name: String, _ length: Int) async throws {
        let cognito = cognito()
        let id = try poolId(name)
        let tags = try #require(try await cognito.describeUserPool(id: id)).tags
        try await cognito.updateUserPool([
            "UserPoolId": .string(id), "DeletionProtection": "INACTIVE",
            "Policies": ["PasswordPolicy": ["MinimumLength": .number(Double(length))]], "UserPoolTags": .strings(tags),
        ])
    }
}
