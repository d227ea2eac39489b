/// Turns the facts of a doctor run into its report (pure): each pool's checks in address order, then each region's.
public enum DoctorEvaluation {
    /// The report for `pools` and `regions` (the regions the SMS-sending pools send from).
    public static func report(pools: [PoolFacts], regions: [RegionFacts]) -> DoctorReport {
        let byRegion = Dictionary(regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        let poolChecks = pools.sorted { $0.resource < $1.resource }.flatMap { pool in
            let inSandbox = pool.smsRegion.flatMap { byRegion[$0] }?.inSandbox(for: pool.smsService)
            return PoolChecks.evaluate(pool, inSandbox: inSandbox)
        }
        let regionChecks = regions.sorted { $0.region < $1.region }.flatMap(RegionChecks.evaluate)
        return DoctorReport(checks: poolChecks + regionChecks)
    }
}
