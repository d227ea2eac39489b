import Foundation

/// The parsed shared AWS files (`~/.aws/config` and `~/.aws/credentials`). A missing file counts as empty.
public struct SharedConfig: Sendable, Equatable {
    /// Path of the config file that was read (or would have been).
    public let configFilePath: String
    /// Path of the credentials file that was read (or would have been).
    public let credentialsFilePath: String
    /// Profiles of the config file: name → lower-case key → value.
    let configProfiles: [String: [String: String]]
    /// Profiles of the credentials file: name → lower-case key → value.
    let credentialsProfiles: [String: [String: String]]

    /// Parses the two files' texts; nil text means the file does not exist.
    public init(configFilePath: String, configText: String?,
                credentialsFilePath: String, credentialsText: String?) throws(SharedConfigError) {
        self.configFilePath = configFilePath
        self.credentialsFilePath = credentialsFilePath
        configProfiles = try configText.map { text throws(SharedConfigError) in
            try SharedConfigParser(path: configFilePath, kind: .config).parse(text)
        } ?? [:]
        credentialsProfiles = try credentialsText.map { text throws(SharedConfigError) in
            try SharedConfigParser(path: credentialsFilePath, kind: .credentials).parse(text)
        } ?? [:]
    }

    /// An empty configuration (no files), e.g. for callers that must not read the disk.
    public static func empty(configFilePath: String = "~/.aws/config",
                             credentialsFilePath: String = "~/.aws/credentials") -> SharedConfig {
        SharedConfig(configFilePath: configFilePath, credentialsFilePath: credentialsFilePath)
    }

    /// Builds an empty value without parsing.
    private init(configFilePath: String, credentialsFilePath: String) {
        self.configFilePath = configFilePath
        self.credentialsFilePath = credentialsFilePath
        configProfiles = [:]
        credentialsProfiles = [:]
    }

    /// Reads both files from the paths `environment` selects (see `filePaths(environment:)`).
    public static func load(environment: [String: String]) throws(SharedConfigError) -> SharedConfig {
        let paths = filePaths(environment: environment)
        return try SharedConfig(configFilePath: paths.config, configText: try readIfPresent(paths.config),
                                credentialsFilePath: paths.credentials,
                                credentialsText: try readIfPresent(paths.credentials))
    }

    /// `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else `$HOME/.aws/config` / `$HOME/.aws/credentials`;
    /// a leading `~` is expanded with `HOME`.
    public static func filePaths(environment: [String: String]) -> (config: String, credentials: String) {
        let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        func expand(_ path: String) -> String {
            guard path == "~" || path.hasPrefix("~/") else { return path }
            return home + path.dropFirst()
        }
        let config = nonEmpty(environment["AWS_CONFIG_FILE"]).map(expand) ?? home + "/.aws/config"
        let credentials = nonEmpty(environment["AWS_SHARED_CREDENTIALS_FILE"]).map(expand) ?? home + "/.aws/credentials"
        return (config, credentials)
    }

    /// The profile in use: the `--profile` flag, else `AWS_PROFILE`, else `default`.
    public static func activeProfileName(environment: [String: String], profileFlag: String?) -> String {
        nonEmpty(profileFlag) ?? nonEmpty(environment["AWS_PROFILE"]) ?? "default"
    }

    /// Names of all profiles in either file, sorted.
    public var profileNames: [String] {
        Set(configProfiles.keys).union(credentialsProfiles.keys).sorted()
    }

    /// The profile called `name`, its values merged with the credentials file winning; nil if in neither file.
    public func profile(named name: String) -> Profile? {
        let fromConfig = configProfiles[name]
        let fromCredentials = credentialsProfiles[name]
        guard fromConfig != nil || fromCredentials != nil else { return nil }
        var files: [String] = []
        if fromCredentials != nil { files.append(credentialsFilePath) }
        if fromConfig != nil { files.append(configFilePath) }
        let values = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentials in credentials }
        return Profile(name: name, values: values, files: files)
    }

    /// The file's text, nil when it does not exist.
    private static func readIfPresent(_ path: String) throws(SharedConfigError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(file: path, reason: "not a readable UTF-8 text file")
        }
    }

    /// `value` unless it is nil or empty.
    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
