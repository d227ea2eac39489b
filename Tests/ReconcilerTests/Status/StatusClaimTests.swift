import Foundation
import Testing
@testable import Reconciler

/// Whose a status file is (`StatusClaim`), and the `owner` and `folder` keys of the file.
@Suite("Status ownership")
struct StatusClaimTests {
    static let folderA = "/repo/envs/a"

    /// A status written for `owner` and `folder`.
    static func status(owner: String?, folder: String?) -> ResourceStatus {
        ResourceStatus(kind: .appClient, name: "web", specHash: "h", owner: owner, folder: folder)
    }

    static let cases: [(String?, String?, RunIdentity, StatusClaim)] = [
        ("team-a", folderA, RunIdentity(owner: "team-a", folder: "/elsewhere"), .mine),
        ("team-b", folderA, RunIdentity(owner: "team-a", folder: folderA), .otherOwner("team-b")),
        ("team-b", folderA, RunIdentity(owner: nil, folder: folderA), .otherOwner("team-b")),
        (nil, folderA, RunIdentity(owner: nil, folder: folderA), .mine),
        (nil, folderA, RunIdentity(owner: nil, folder: "/repo/envs/b"), .otherFolder(folderA)),
        (nil, folderA, RunIdentity(owner: "team-a", folder: folderA), .mine),
        (nil, nil, RunIdentity(owner: nil, folder: folderA), .unrecorded),
        (nil, nil, RunIdentity(owner: "team-a", folder: folderA), .unrecorded),
    ]

    @Test("the owner decides when recorded, else the folder; neither is unrecorded", arguments: cases)
    func claim(owner: String?, folder: String?, run: RunIdentity, expected: StatusClaim) {
        #expect(StatusClaim.of(Self.status(owner: owner, folder: folder), for: run) == expected)
    }

    @Test("owner and folder are always written, and a file without them still decodes")
    func ownerAndFolderKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let written = try #require(try JSONSerialization.jsonObject(
            with: encoder.encode(Self.status(owner: nil, folder: Self.folderA))) as? [String: Any])
        #expect(written["folder"] as? String == Self.folderA)
        #expect(written.keys.contains("owner") && written["owner"] is NSNull)

        let old = #"{"kind":"AppClient","name":"web","specHash":"h","phase":"Ready","conditions":[],"resource":{},"drift":[],"history":[]}"#
        let decoded = try JSONDecoder().decode(ResourceStatus.self, from: Data(old.utf8))
        #expect(decoded.owner == nil && decoded.folder == nil)
        #expect(StatusClaim.of(decoded, for: RunIdentity(owner: nil, folder: Self.folderA)) == .unrecorded)
    }

    @Test("an owner name is 1 to 63 of a-z, 0-9 and -")
    func ownerNames() {
        #expect(RunIdentity.isValidOwner("qnatime-prod-1"))
        #expect(!RunIdentity.isValidOwner(""))
        #expect(!RunIdentity.isValidOwner("Team_A"))
        #expect(!RunIdentity.isValidOwner(String(repeating: "a", count: 64)))
    }
}
