import Manifests

/// `smsauth doctor`: reads live state with the reconcile engine's read side (and the doctor's own reads), then
/// evaluates the readiness checks. Read-only: it never applies and never writes a status file.
public struct SmsDoctor: Sendable {
    /// The engine whose `plan` reads every manifest's live state.
    public let engine: ReconcileEngine

    /// Creates a doctor on `engine`.
    public init(engine: ReconcileEngine) {
        self.engine = engine
    }

    /// Reads and checks every UserPool manifest of `load` (and the regions they send SMS from).
    public func examine(_ load: LoadResult, defaultRegion: String?) async throws(ReconcileEngineError) -> DoctorReport {
        let run = try await engine.plan(load, defaultRegion: defaultRegion)
        let facts = await DoctorReader(context: engine.context).facts(of: run, defaultRegion: defaultRegion)
        return DoctorEvaluation.report(pools: facts.pools, regions: facts.regions)
    }
}
