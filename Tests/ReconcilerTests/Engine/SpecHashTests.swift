import Manifests
import Testing
@testable import Reconciler

/// The spec hash ignores where things are written and changes with what is written.
@Suite("SpecHash")
struct SpecHashTests {
    static let pool = """
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: pool}
        spec:
          poolName: Pool
          passwordPolicy: {minimumLength: 12, requireSymbols: true}
          tags: {Team: Platform, Env: prod}
        """

    /// The hash of the only manifest in `text`.
    private func hash(_ text: String) throws -> String {
        let manifest = try #require(ManifestLoader().load(text: text, file: "p.yaml").manifests.first)
        return SpecHash.of(manifest)
    }

    @Test("moving lines, reordering keys and adding comments change nothing")
    func locationsAreIgnored() throws {
        let moved = """
            # a comment that shifts every line

            apiVersion: smsauth/v1
            metadata: {name: pool}
            kind: UserPool
            spec:
              tags: {Env: prod, Team: Platform}
              passwordPolicy:
                requireSymbols: true
                minimumLength: 12
              poolName: Pool
            """
        #expect(try hash(Self.pool) == hash(moved))
    }

    @Test("the hash is 64 lowercase hex digits")
    func shape() throws {
        let value = try hash(Self.pool)
        #expect(value.count == 64 && value.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("a changed value, an added field or a policy change gives another hash", arguments: [
        ("minimumLength: 12", "minimumLength: 13"),
        ("poolName: Pool", "poolName: Pool2"),
        ("Env: prod", "Env: dev"),
        ("poolName: Pool", "poolName: Pool\n  deletionProtection: true"),
        ("Env: prod}", "Env: prod}\npolicy: {onDelete: Delete}"),
    ])
    func valuesCount(original: String, changed: String) throws {
        #expect(try hash(Self.pool) != hash(Self.pool.replacingOccurrences(of: original, with: changed)))
    }

    @Test("the canonical text holds values only, never source locations")
    func canonicalHasNoLocations() throws {
        let manifest = try #require(ManifestLoader().load(text: Self.pool, file: "p.yaml").manifests.first)
        let text = SpecHash.canonical(manifest)
        #expect(!text.contains("p.yaml") && !text.contains("line"))
        #expect(text.contains("\"Pool\"") && text.contains("12"))
    }
}
