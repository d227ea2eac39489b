import Foundation
import Testing

@testable import smsauth

/// `outputs --out`: only a regular file (or a new one in an existing folder) is replaced; anything else at the path
/// used to be replaced by the document's rename, a device node or a symbolic link included.
@Suite struct OutputFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test func aNewFileOrARegularOneIsWritable() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(OutputFile.problem(folder.appendingPathComponent("new.json").path) == nil)
        let existing = folder.appendingPathComponent("old.json")
        try Data("{}".utf8).write(to: existing)
        #expect(OutputFile.problem(existing.path) == nil)
    }

    @Test func anythingElseIsRefusedAndLeftAsItIs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.appendingPathComponent("target").path)
        let cases: [(String, String)] = [(pipe, "a pipe"), (link, "a symbolic link"), (folder.path, "a folder"),
                                         ("/dev/null", "a device")]
        for (path, kind) in cases {
            #expect(OutputFile.problem(path) == "\(path) exists and is \(kind), not a regular file; give the path of a file to create or replace")
        }
        #expect(OutputFile.problem(folder.appendingPathComponent("missing/x.json").path)
                == "the folder \(folder.path)/missing of \(folder.path)/missing/x.json does not exist")
    }

    @Test func theCommandRefusesItBeforeAnythingElse() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let result = try await CLIRunner.run(["outputs", folder.path, "--out", pipe])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: --out: \(pipe) exists and is a pipe"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}
