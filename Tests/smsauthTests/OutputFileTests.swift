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
        try OutputFile.check(folder.appendingPathComponent("new.json").path)
        let existing = folder.appendingPathComponent("old.json")
        try Data("{}".utf8).write(to: existing)
        try OutputFile.write("[]", to: existing.path)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "[]")
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
            #expect(throws: OutputFileError.notARegularFile(path: path, kind: kind)) { try OutputFile.write("{}", to: path) }
        }
        #expect(OutputFileError.notARegularFile(path: pipe, kind: "a pipe").description
                == "\(pipe) exists and is a pipe, not a regular file; give the path of a file to create or replace")
        let missing = folder.appendingPathComponent("missing/x.json").path
        #expect(throws: OutputFileError.missingFolder(folder: folder.path + "/missing", path: missing)) {
            try OutputFile.check(missing)
        }
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
