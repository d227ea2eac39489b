import Foundation
import Testing

@testable import Reconciler

/// The checks made on a status folder before any AWS read: a writing run needs a folder it can write (created when
/// missing), a dry run one it can read (missing is empty). Permission bits do not stop root, who runs the tests:
/// read-only and unreadable folders are covered end to end by running the binary as an unprivileged user
/// (`StatusLocationEndToEndTests`).
@Suite("StatusLocation")
struct StatusLocationTests {
    /// A fresh temporary folder holding a regular file `file`, removed after `body`.
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("location-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("file"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// A missing folder is created (with its parents) and left empty by the write probe.
    @Test func writableCreatesAMissingFolder() throws {
        try Self.withFolder { root in
            let status = root.appendingPathComponent("a/b/status")
            try StatusLocation.checkWritable(status)
            #expect(try FileManager.default.contentsOfDirectory(atPath: status.path).isEmpty)
            try StatusLocation.checkWritable(status)
        }
    }

    /// A regular file, or a path under one, is refused by both checks, naming the path.
    @Test func regularFileRefused() throws {
        try Self.withFolder { root in
            let file = root.appendingPathComponent("file")
            #expect(throws: StatusLocationError.notAFolder(path: file.path)) { try StatusLocation.checkWritable(file) }
            #expect(throws: StatusLocationError.notAFolder(path: file.path)) { try StatusLocation.checkReadable(file) }
            let under = file.appendingPathComponent("status")
            let expected = StatusLocationError.unusable(path: under.path, reason: "Not a directory")
            #expect(throws: expected) { try StatusLocation.checkWritable(under) }
            #expect(throws: expected) { try StatusLocation.checkReadable(under) }
            #expect(expected.description == "status.unusable: status folder \(under.path) cannot be used: Not a directory")
        }
    }

    /// A dry run accepts a missing folder without creating it, and an existing one; a kind folder that is a file is
    /// refused.
    @Test func readable() throws {
        try Self.withFolder { root in
            let missing = root.appendingPathComponent("missing")
            try StatusLocation.checkReadable(missing)
            #expect(!FileManager.default.fileExists(atPath: missing.path))
            let status = root.appendingPathComponent("status")
            try FileManager.default.createDirectory(at: status.appendingPathComponent("UserPool"),
                                                    withIntermediateDirectories: true)
            try StatusLocation.checkReadable(status)
            let kindFile = status.appendingPathComponent("AppClient")
            try Data().write(to: kindFile)
            #expect(throws: StatusLocationError.notAFolder(path: kindFile.path)) {
                try StatusLocation.checkReadable(status)
            }
        }
    }
}
