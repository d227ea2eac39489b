import Foundation

/// Where status files live: `--status-dir`, else `<DIR>/../.smsauth/status`.
enum StatusDirectory {
    /// The status folder for the manifest directory `manifests`.
    static func resolve(flag: String?, manifests: String) -> URL {
        if let flag { return URL(fileURLWithPath: flag).standardizedFileURL }
        return URL(fileURLWithPath: manifests).appendingPathComponent("..").appendingPathComponent(".smsauth")
            .appendingPathComponent("status").standardizedFileURL
    }
}
