import AWSServices
import Testing

@testable import Reconciler

/// A read pass's record of described pools: a pool announced and not yet answered is waited for, never described
/// twice, and every announcement ends (recorded or settled) so no reader waits forever.
@Suite struct DescribedUserPoolsTests {
    static func pool(_ id: String) throws -> UserPoolDescription {
        try UserPoolDescription(.object(["Id": .string(id), "Name": "p"]))
    }

    @Test func aReaderOfAnAnnouncedPoolWaitsForItsAnswer() async throws {
        let record = DescribedUserPools()
        await record.expect(["us-east-1_a"])
        async let waited = record.pool(id: "us-east-1_a")
        try await Task.sleep(for: .milliseconds(20))  // the reader is waiting before the answer arrives
        await record.record(try Self.pool("us-east-1_a"))
        #expect(await waited?.id == "us-east-1_a")
        #expect(await record.pool(id: "us-east-1_a")?.id == "us-east-1_a")
    }

    @Test func aSettledAnnouncementReleasesItsReadersWithNothing() async throws {
        let record = DescribedUserPools()
        await record.expect(["us-east-1_gone", "us-east-1_b"])
        async let gone = record.pool(id: "us-east-1_gone")
        try await Task.sleep(for: .milliseconds(20))
        await record.settle(["us-east-1_gone"])
        #expect(await gone == nil)
        await record.record(try Self.pool("us-east-1_b"))
        await record.settle(["us-east-1_b"])  // settling a recorded pool keeps it
        #expect(await record.pool(id: "us-east-1_b")?.id == "us-east-1_b")
    }

    @Test func aPoolNeitherAnnouncedNorRecordedIsNotWaitedFor() async {
        let record = DescribedUserPools()
        #expect(await record.pool(id: "us-east-1_other") == nil)
    }
}
