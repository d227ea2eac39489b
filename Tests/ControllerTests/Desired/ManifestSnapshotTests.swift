import Manifests
import Reconciler
import Testing

@testable import Controller

/// Which keys a directory change affects, and the last-good-state rule of `ManifestSource`.
@Suite("ManifestSnapshot")
struct ManifestSnapshotTests {
    static let pool = """
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: app}
        spec:
          region: eu-west-1
          poolName: App
          usernameAttributes: [email]
          passwordPolicy: {minimumLength: MIN}
        """
    static let client = """
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: web}
        spec:
          userPool: app
          clientName: NAME
        """
    static let role = """
        apiVersion: smsauth/v1
        kind: SmsRole
        metadata: {name: sms}
        spec:
          roleName: sms-role
          externalId: ext-1
        """

    /// A snapshot of the documents in `texts`.
    static func snapshot(_ texts: [String]) -> ManifestSnapshot {
        var load = LoadResult()
        for (index, text) in texts.enumerated() {
            let loaded = ManifestLoader().load(text: text, file: "f\(index).yaml")
            load.manifests += loaded.manifests
        }
        return ManifestSnapshot(load: load)
    }

    static let number = """
        apiVersion: smsauth/v1
        kind: SandboxNumber
        metadata: {name: tester}
        spec:
          region: eu-west-1
          phoneNumber: "+447700900123"
        """
    static let numberAddress = ResourceAddress(kind: .sandboxNumber, name: "tester")

    static let appAddress = ResourceAddress(kind: .userPool, name: "app")
    static let webAddress = ResourceAddress(kind: .appClient, name: "web")
    static let roleAddress = ResourceAddress(kind: .smsRole, name: "sms")

    /// (old texts, new texts, affected keys): added, removed, changed (with dependents), comments only (none).
    static let cases: [([String], [String], Set<ResourceAddress>)] = [
        ([], [pool.replacing("MIN", with: "8")], [appAddress]),
        ([pool.replacing("MIN", with: "8"), role], [pool.replacing("MIN", with: "8")], [roleAddress]),
        ([pool.replacing("MIN", with: "8"), client.replacing("NAME", with: "a"), role],
         [pool.replacing("MIN", with: "9"), client.replacing("NAME", with: "a"), role], [appAddress, webAddress]),
        ([pool.replacing("MIN", with: "8"), client.replacing("NAME", with: "a")],
         [pool.replacing("MIN", with: "8"), client.replacing("NAME", with: "b")], [webAddress]),
        ([pool.replacing("MIN", with: "8")], ["# moved\n" + pool.replacing("MIN", with: "8")], []),
        // A changed pool may move the region's sandbox numbers to the other sandbox (no reference records it).
        ([pool.replacing("MIN", with: "8"), number], [pool.replacing("MIN", with: "9"), number], [appAddress, numberAddress]),
        ([pool.replacing("MIN", with: "8"), role, number], [pool.replacing("MIN", with: "8"), number], [roleAddress]),
        // `suspend: false` written out is the same as none (suspending and resuming: `suspendingOrResuming`).
        ([pool.replacing("MIN", with: "8") + "\npolicy: {suspend: false}"], [pool.replacing("MIN", with: "8")], []),
    ]

    @Test(arguments: cases)
    func affectedKeys(old: [String], new: [String], expected: Set<ResourceAddress>) {
        #expect(Self.snapshot(new).affectedKeys(since: Self.snapshot(old)) == expected)
    }

    /// Suspending or resuming a manifest changes neither its spec hash nor which manifests there are, yet it
    /// affects the key and what depends on it.
    @Test func suspendingOrResuming() {
        let plain = [Self.pool.replacing("MIN", with: "8"), Self.client.replacing("NAME", with: "a")]
        let before = Self.snapshot(plain)
        for (index, dependents) in [(0, [Self.webAddress]), (1, [])] {
            var texts = plain
            texts[index] += "\npolicy: {suspend: true}"
            let after = Self.snapshot(texts)
            let key = after.load.manifests[index].id
            #expect(after.load.manifests[index].isSuspended)
            #expect(after.addresses == before.addresses && after.hashes == before.hashes)
            #expect(after.affectedKeys(since: before) == Set([key] + dependents))
            #expect(before.affectedKeys(since: after) == Set([key] + dependents))
        }
    }

    /// Under a selector, a relabel that takes a manifest in affects it and what it names; one that takes it out,
    /// what it names only (a replacement waits while an unselected manifest names the resource); one that keeps it
    /// in or out, nothing. `affectedKeys` never counts a relabel. An unselected manifest added, removed or moved to
    /// other references affects what it names and named; a selected one, none of that.
    @Test func relabelling() throws {
        let selector = try LabelSelector(parsing: "team=a")
        let plain = Self.client.replacing("NAME", with: "a")
        let labelled = { (labels: String) in
            plain.replacing("metadata: {name: web}", with: "metadata: {name: web, labels: \(labels)}")
        }
        let pool = Self.pool.replacing("MIN", with: "8")
        let cases: [(String, String, Set<ResourceAddress>)] = [
            (plain, labelled("{team: a}"), [Self.webAddress, Self.appAddress]),
            (labelled("{team: b}"), labelled("{team: a}"), [Self.webAddress, Self.appAddress]),
            (labelled("{team: a}"), plain, [Self.appAddress]),
            (labelled("{team: a}"), labelled("{team: a, tier: x}"), []),
            (plain, labelled("{team: b}"), []),
            (labelled("{team: a, tier: x}"), labelled("{tier: x, team: \"a\"}"), []),
        ]
        for (before, after, expected) in cases {
            let old = Self.snapshot([pool, before]), new = Self.snapshot([pool, after])
            #expect(new.hashes == old.hashes)
            #expect(new.affectedKeys(since: old).isEmpty, "\(before) -> \(after)")
            #expect(new.selectionChanges(since: old, selector: selector) == expected, "\(before) -> \(after)")
        }
        // Added or removed: an unselected one, what it names; a selected one, itself when added (it comes through
        // `affectedKeys` too) and not what it names (a selected manifest holds no replacement).
        let without = Self.snapshot([pool])
        for (labels, added, removed) in [("{team: a}", [Self.webAddress], []), ("{team: b}", [Self.appAddress], [Self.appAddress])] {
            let with = Self.snapshot([pool, labelled(labels)])
            #expect(with.selectionChanges(since: without, selector: selector) == Set(added), "\(labels)")
            #expect(without.selectionChanges(since: with, selector: selector) == Set(removed), "\(labels)")
        }
        // References moved: an unselected manifest's old and new ones; a selected manifest's, none (the pools plan
        // the same for it); relabelled in while moving, both and itself.
        let other = ResourceAddress(kind: .userPool, name: "other")
        let otherPool = pool.replacing("{name: app}", with: "{name: other}").replacing("poolName: App", with: "poolName: Other")
        let moved = { (text: String) in text.replacing("userPool: app", with: "userPool: other") }
        let cases2: [(String, String, Set<ResourceAddress>)] = [
            (labelled("{team: b}"), moved(labelled("{team: b}")), [Self.appAddress, other]),
            (moved(labelled("{team: b}")), labelled("{team: b}"), [Self.appAddress, other]),
            (labelled("{team: a}"), moved(labelled("{team: a}")), []),
            (labelled("{team: b}"), moved(labelled("{team: a}")), [Self.webAddress, Self.appAddress, other]),
            (labelled("{team: a}"), moved(labelled("{team: b}")), [Self.appAddress, other]),
        ]
        for (before, after, expected) in cases2 {
            let old = Self.snapshot([pool, otherPool, before]), new = Self.snapshot([pool, otherPool, after])
            #expect(new.selectionChanges(since: old, selector: selector) == expected, "\(before) -> \(after)")
        }
    }

    /// `suspend` in the settings document turned on or off affects every key, of either snapshot; the same
    /// settings, or another owner with the same `suspend`, none.
    @Test func settingsSuspendAffectsEveryKey() {
        func settings(owner: String = "team", suspend: Bool?) -> ManifestSettings {
            let at = SourceLocation(file: "smsauth.yaml", line: 1, column: 1)
            return ManifestSettings(owner: Located(owner, at: at), suspend: suspend.map { Located($0, at: at) },
                                    location: at)
        }
        func snapshot(_ texts: [String], _ settings: ManifestSettings?) -> ManifestSnapshot {
            var load = Self.snapshot(texts).load
            load.settings = settings
            return ManifestSnapshot(load: load)
        }
        let before = [Self.pool.replacing("MIN", with: "8"), Self.client.replacing("NAME", with: "a"), Self.role]
        let after = [Self.pool.replacing("MIN", with: "8"), Self.client.replacing("NAME", with: "a")]
        let every: Set<ResourceAddress> = [Self.appAddress, Self.webAddress, Self.roleAddress]
        #expect(snapshot(after, settings(suspend: true)).affectedKeys(since: snapshot(before, nil)) == every)
        #expect(snapshot(after, settings(suspend: false)).affectedKeys(since: snapshot(before, settings(suspend: true)))
                == every)
        #expect(snapshot(before, nil).affectedKeys(since: snapshot(before, settings(suspend: false))).isEmpty)
        #expect(snapshot(before, settings(owner: "other", suspend: true))
                    .affectedKeys(since: snapshot(before, settings(suspend: true))).isEmpty)
    }

    /// A key's dependency closure: itself and what it needs, through others; a key without a manifest alone.
    @Test func dependencyClosure() {
        let snapshot = Self.snapshot([Self.pool.replacing("MIN", with: "8"), Self.client.replacing("NAME", with: "a")])
        #expect(snapshot.dependencyClosure(of: Self.webAddress) == [Self.webAddress, Self.appAddress])
        #expect(snapshot.dependencyClosure(of: Self.appAddress) == [Self.appAddress])
        #expect(snapshot.dependencyClosure(of: Self.roleAddress) == [Self.roleAddress])
    }

    /// A snapshot made over a previous one indexes exactly as a fresh one: reused entries for unchanged
    /// manifests, new ones for changed and added manifests.
    @Test func reusingThePreviousSnapshotIndexesTheSame() {
        let old = Self.snapshot([Self.pool.replacing("MIN", with: "8"), Self.client.replacing("NAME", with: "a")])
        let texts = [Self.pool.replacing("MIN", with: "9"), Self.client.replacing("NAME", with: "a"), Self.role]
        let fresh = Self.snapshot(texts)
        let reused = ManifestSnapshot(load: fresh.load, previous: old)
        #expect(reused.hashes == fresh.hashes)
        #expect(reused.dependencies == fresh.dependencies)
        #expect(reused.hashes[Self.webAddress] == old.hashes[Self.webAddress])
        #expect(reused.hashes[Self.appAddress] != old.hashes[Self.appAddress])
        #expect(reused.graph.nodes == fresh.graph.nodes && reused.graph.applyOrder == fresh.graph.applyOrder)
        // A change that moves no reference keeps the previous graph, which is the one a fresh snapshot builds.
        let edited = Self.snapshot([Self.pool.replacing("MIN", with: "10"), Self.client.replacing("NAME", with: "a"),
                                    Self.role])
        let again = ManifestSnapshot(load: edited.load, previous: reused)
        #expect(again.dependencies == reused.dependencies)
        #expect(again.graph.nodes == edited.graph.nodes && again.graph.applyOrder == edited.graph.applyOrder)
    }

    /// Files map back to the manifests they held (for putting manifest errors into status).
    @Test func addressesInFiles() {
        let snapshot = Self.snapshot([Self.pool.replacing("MIN", with: "8"), Self.role])
        #expect(snapshot.addresses(inFiles: ["f1.yaml"]) == [Self.roleAddress])
        #expect(snapshot.addresses(inFiles: ["other.yaml"]).isEmpty)
    }

    /// A directory with a broken file is `invalid` with its errors; nothing of it becomes desired state.
    @Test func brokenDirectoryIsInvalid() throws {
        let folder = try TemporaryFolder()
        try folder.write("pool.yaml", Self.pool.replacing("MIN", with: "8"))
        try folder.write("client.yaml", "apiVersion: smsauth/v1\nkind: AppCl")
        guard case .invalid(let errors) = ManifestSource(directory: folder.path, defaultRegion: nil).read() else {
            Issue.record("a broken file must make the directory invalid")
            return
        }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.severity == .error })
    }

    /// A valid directory becomes a snapshot with every manifest.
    @Test func validDirectoryIsASnapshot() throws {
        let folder = try TemporaryFolder()
        try folder.write("pool.yaml", Self.pool.replacing("MIN", with: "8"))
        guard case .valid(let snapshot) = ManifestSource(directory: folder.path, defaultRegion: nil).read() else {
            Issue.record("a valid directory must read as valid")
            return
        }
        #expect(snapshot.addresses == [Self.appAddress])
    }
}
