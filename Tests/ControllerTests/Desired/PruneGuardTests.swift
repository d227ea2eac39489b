import Foundation
import Manifests
import Reconciler
import Testing

@testable import Controller

/// Removals (and files cut short) wait for a second read at least the prune delay later.
@Suite("PruneGuard")
struct PruneGuardTests {
    typealias Fixture = ManifestSnapshotTests

    static let pool8 = Fixture.pool.replacing("MIN", with: "8")
    static let pool9 = Fixture.pool.replacing("MIN", with: "9")
    static let client = Fixture.client.replacing("NAME", with: "web")

    /// A snapshot of files (name, documents joined with `---`).
    static func snapshot(_ files: [(String, [String])]) -> ManifestSnapshot {
        var load = LoadResult()
        for (file, documents) in files {
            load.manifests += ManifestLoader().load(text: documents.joined(separator: "\n---\n"), file: file).manifests
        }
        return ManifestSnapshot(load: load)
    }

    static let both = snapshot([("all.yaml", [pool8, client])])
    static let split = snapshot([("pool.yaml", [pool8]), ("client.yaml", [client])])
    static let poolOnly = snapshot([("pool.yaml", [pool8])])

    /// A manifest gone is held (kept in the desired state, not queued) until a read at least the delay after the
    /// first one that missed it; then its removal is confirmed.
    @Test func removalWaitsForASecondReadAfterTheDelay() {
        var guardian = PruneGuard(delay: .seconds(30))
        let read = Self.poolOnly
        let first = guardian.admit(read: read, current: Self.split, orphans: [], now: .seconds(100))
        #expect(first.desired.addresses == [Fixture.appAddress, Fixture.webAddress])
        #expect(first.confirmedRemovals.isEmpty)
        #expect(first.newlyHeld == [Fixture.webAddress])
        #expect(first.nextCheck == .seconds(130))
        #expect(first.desired.affectedKeys(since: Self.split).isEmpty)

        let early = guardian.admit(read: read, current: first.desired, orphans: [], now: .seconds(129))
        #expect(early.confirmedRemovals.isEmpty && early.newlyHeld.isEmpty)
        #expect(guardian.heldKeys == [Fixture.webAddress])

        let late = guardian.admit(read: read, current: early.desired, orphans: [], now: .seconds(130))
        #expect(late.confirmedRemovals == [Fixture.webAddress])
        #expect(late.desired.addresses == [Fixture.appAddress])
        #expect(late.nextCheck == nil && guardian.heldKeys.isEmpty)
    }

    /// A held key is never queued; one that a read affected while held (here a settings-wide toggle, which affects
    /// every key) is queued by the read that ends its hold, once; one no read affected is released with nothing to do.
    @Test func aKeyAffectedWhileHeldIsQueuedWhenItsHoldEnds() {
        var guardian = PruneGuard(delay: .seconds(30))
        let both: Set<ResourceAddress> = [Fixture.appAddress, Fixture.webAddress]
        let missing = guardian.admit(read: Self.poolOnly, current: Self.split, orphans: [], now: .seconds(100))
        #expect(guardian.queueable([]).isEmpty)
        #expect(guardian.queueable(both) == [Fixture.appAddress])
        #expect(guardian.owed == [Fixture.webAddress])
        let stillMissing = guardian.admit(read: Self.poolOnly, current: missing.desired, orphans: [], now: .seconds(101))
        #expect(guardian.queueable([]).isEmpty, "still held")

        let back = guardian.admit(read: Self.split, current: stillMissing.desired, orphans: [], now: .seconds(102))
        #expect(back.confirmedRemovals.isEmpty && guardian.heldKeys.isEmpty)
        #expect(guardian.queueable([]) == [Fixture.webAddress])
        #expect(guardian.owed.isEmpty && guardian.queueable([]).isEmpty, "once")

        // Held and released again with no read affecting it meanwhile: nothing owed.
        let again = guardian.admit(read: Self.poolOnly, current: back.desired, orphans: [], now: .seconds(200))
        #expect(guardian.queueable([]).isEmpty)
        _ = guardian.admit(read: Self.split, current: again.desired, orphans: [], now: .seconds(201))
        #expect(guardian.queueable([]).isEmpty)
    }

    /// A rename within one file (the old name held as missing, kept in the desired state) does not make that file
    /// look cut short at the next read: the new name is not held.
    @Test func renameWithinAFileHoldsOnlyTheOldName() {
        var guardian = PruneGuard(delay: .seconds(30))
        let renamed = Self.snapshot([("pool.yaml", [Self.pool8]),
                                     ("client.yaml", [Fixture.client.replacing("{name: web}", with: "{name: signup}")
                                                        .replacing("NAME", with: "web")])])
        let first = guardian.admit(read: renamed, current: Self.split, orphans: [], now: .seconds(100))
        #expect(first.newlyHeld == [Fixture.webAddress])
        let second = guardian.admit(read: renamed, current: first.desired, orphans: [], now: .seconds(101))
        #expect(second.newlyHeld.isEmpty)
        #expect(guardian.heldKeys == [Fixture.webAddress])
    }

    /// The settings document stays in the desired state, whether or not a key is held: a set-wide `suspend: true`
    /// in `smsauth.yaml` keeps every reconcile away while a removal waits for its delay too.
    @Test func settingsStayWhileAKeyIsHeld() throws {
        let folder = try TemporaryFolder()
        try folder.write("smsauth.yaml",
                         "apiVersion: smsauth/v1\nkind: Settings\nspec:\n  owner: team\n  suspend: true\n")
        try folder.write("pool.yaml", Self.pool8)
        try folder.write("client.yaml", Self.client)
        let source = ManifestSource(directory: folder.path, defaultRegion: nil)
        guard case .valid(let full) = source.read() else {
            Issue.record("the folder must load")
            return
        }
        #expect(full.load.settings?.isSuspended == true)
        var guardian = PruneGuard(delay: .seconds(30))
        let steady = guardian.admit(read: full, current: full, orphans: [], now: .zero)
        #expect(steady.desired.load == full.load)
        try FileManager.default.removeItem(at: folder.url("client.yaml"))
        guard case .valid(let shrunk) = source.read(previous: full) else {
            Issue.record("the folder must load")
            return
        }
        let held = guardian.admit(read: shrunk, current: steady.desired, orphans: [], now: .seconds(1))
        #expect(guardian.heldKeys == [Fixture.webAddress])
        #expect(held.desired.addresses == [Fixture.appAddress, Fixture.webAddress])
        #expect(held.desired.load.settings == full.load.settings)
        #expect(held.desired.load.files == shrunk.load.files)
    }

    /// A manifest that comes back before the delay is no removal: nothing is held, nothing changed.
    @Test func manifestBackInTimeIsNoRemoval() {
        var guardian = PruneGuard(delay: .seconds(30))
        let first = guardian.admit(read: Self.poolOnly, current: Self.split, orphans: [],
                                   now: .zero)
        let back = guardian.admit(read: Self.split, current: first.desired, orphans: [], now: .seconds(5))
        #expect(back.confirmedRemovals.isEmpty && guardian.heldKeys.isEmpty && back.nextCheck == nil)
        #expect(back.desired.affectedKeys(since: Self.split).isEmpty)
    }

    /// A file with fewer documents holds every key of it at its last confirmed manifest (the remaining document may
    /// be cut short and still validate); the same content a delay later is confirmed: change applied, removal too.
    @Test func fileCutShortHoldsEveryKeyOfIt() {
        var guardian = PruneGuard(delay: .seconds(30))
        let cut = Self.snapshot([("all.yaml", [Self.pool9])])
        let first = guardian.admit(read: cut, current: Self.both, orphans: [], now: .zero)
        #expect(guardian.heldKeys == [Fixture.appAddress, Fixture.webAddress])
        #expect(first.desired.hashes == Self.both.hashes, "the pool keeps its confirmed spec")

        let confirmed = guardian.admit(read: cut, current: first.desired, orphans: [], now: .seconds(31))
        #expect(confirmed.confirmedRemovals == [Fixture.webAddress])
        #expect(confirmed.desired.affectedKeys(since: first.desired) == [Fixture.appAddress, Fixture.webAddress])
        #expect(guardian.heldKeys.isEmpty)
    }

    /// A file cut short whose content changes again starts its delay again (the document missing from it all along
    /// is confirmed removed: it was missing in both reads).
    @Test func changingContentRestartsTheDelay() {
        var guardian = PruneGuard(delay: .seconds(30))
        let first = guardian.admit(read: Self.snapshot([("all.yaml", [Self.pool9])]), current: Self.both, orphans: [],
                                   now: .zero)
        let again = Self.snapshot([("all.yaml", [Fixture.pool.replacing("MIN", with: "7")])])
        let changed = guardian.admit(read: again, current: first.desired,
                                     orphans: [], now: .seconds(31))
        #expect(changed.confirmedRemovals == [Fixture.webAddress])
        #expect(guardian.held[Fixture.appAddress] == PruneGuard.Hold(since: .seconds(31),
                                                                      observed: again.hashes[Fixture.appAddress]))
        #expect(changed.nextCheck == .seconds(61))
    }

    /// A status file without manifest is held as well; its removal is confirmed only while removals are allowed
    /// (a status folder that cannot be read holds every removal).
    @Test func orphanStatusWaitsAndUnreadableStatusHoldsRemovals() {
        var guardian = PruneGuard(delay: .seconds(10))
        let pool = Self.snapshot([("pool.yaml", [Self.pool8])])
        let first = guardian.admit(read: pool, current: .empty, orphans: [Fixture.webAddress, Fixture.appAddress],
                                   now: .zero)
        #expect(guardian.heldKeys == [Fixture.webAddress] && first.desired.addresses == [Fixture.appAddress])
        let blocked = guardian.admit(read: pool, current: first.desired, orphans: [], now: .seconds(20),
                                     allowRemovals: false)
        #expect(blocked.confirmedRemovals.isEmpty && guardian.heldKeys == [Fixture.webAddress])
        #expect(blocked.nextCheck == nil, "no re-read is scheduled for what only a readable status folder can confirm")
        let allowed = guardian.admit(read: pool, current: blocked.desired, orphans: [], now: .seconds(21))
        #expect(allowed.confirmedRemovals == [Fixture.webAddress])
    }

    /// A held key that comes back changed (a file of a checkout still being written) stays held until that content
    /// stays the same for the delay; coming back as confirmed releases it at once.
    @Test func heldKeyBackChangedStaysHeld() {
        var guardian = PruneGuard(delay: .seconds(30))
        let gone = guardian.admit(read: Self.poolOnly, current: Self.split, orphans: [],
                                  now: .zero)
        let partial = Self.snapshot([("pool.yaml", [Self.pool8]), ("new.yaml", [Self.client + "\n  generateSecret: true"])])
        let back = guardian.admit(read: partial, current: gone.desired, orphans: [], now: .seconds(1))
        #expect(guardian.heldKeys == [Fixture.webAddress] && back.desired.hashes == Self.split.hashes)
        let complete = Self.snapshot([("pool.yaml", [Self.pool8]), ("new.yaml", [Self.client])])
        let done = guardian.admit(read: complete, current: back.desired, orphans: [], now: .seconds(2))
        #expect(guardian.heldKeys.isEmpty && done.confirmedRemovals.isEmpty && done.nextCheck == nil)
        #expect(done.desired.affectedKeys(since: Self.split).isEmpty)
    }

    /// Manifests moved to other files (a folder renamed) are neither removals nor files cut short.
    @Test func movedFilesAreNoRemoval() {
        var guardian = PruneGuard(delay: .seconds(30))
        let moved = Self.snapshot([("envs/all.yaml", [Self.pool8, Self.client])])
        let admission = guardian.admit(read: moved, current: Self.both, orphans: [], now: .zero)
        #expect(guardian.heldKeys.isEmpty && admission.desired.affectedKeys(since: Self.both).isEmpty)
    }
}
