import Foundation
import Logging
import Testing
@testable import smsauth

@Suite struct SmsAuthLogHandlerTests {
    static let time = Date(timeIntervalSince1970: 1_795_446_000)

    @Test func textLinesCarrySortedMetadata() {
        let line = SmsAuthLogHandler.render(time: Self.time, level: .info, label: "smsauth.reconcile", message: "applied",
                                            metadata: ["resource": "qnatime", "kind": "UserPool", "note": "two words"],
                                            format: .text)
        #expect(line == "2026-11-23T15:00:00Z info smsauth.reconcile: applied kind=UserPool note=\"two words\" resource=qnatime")
    }

    @Test func jsonLinesHaveStableKeysAndKeepReservedOnes() throws {
        let line = SmsAuthLogHandler.render(time: Self.time, level: .warning, label: "smsauth", message: "slow",
                                            metadata: ["aws.operation": "DescribeUserPool", "message": "shadowed",
                                                       "attempts": .array(["1", "2"])],
                                            format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-11-23T15:00:00Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["logger"] as? String == "smsauth")
        #expect(object["message"] as? String == "slow")
        #expect(object["aws.operation"] as? String == "DescribeUserPool")
        #expect(object["attempts"] as? [String] == ["1", "2"])
    }
}
