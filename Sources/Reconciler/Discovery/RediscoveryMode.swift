/// When a full plan rediscovers this owner's resources that no manifest or status file names (`Rediscovery`).
public enum RediscoveryMode: Sendable, Equatable {
    /// Never (reads that only describe what manifests name: `outputs`, `doctor`).
    case never
    /// When no status file is this owner's: first use, or a lost status folder (`reconcile`, the controller).
    case whenStateLost
    /// On every full plan (`reconcile --rediscover`, the controller's first sync).
    case always
}
