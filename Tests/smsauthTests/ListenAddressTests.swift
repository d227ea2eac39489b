import Testing
@testable import smsauth

/// `--listen HOST:PORT`: what it takes, and a reason for what it refuses (it said only "is invalid").
@Suite struct ListenAddressTests {
    @Test(arguments: [("127.0.0.1:9464", "127.0.0.1", 9464), ("localhost:0", "localhost", 0),
                      ("[::1]:9464", "::1", 9464), ("0.0.0.0:65535", "0.0.0.0", 65535)])
    func takes(_ text: String, _ host: String, _ port: Int) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host && address.port == port)
    }

    @Test(arguments: [("localhost", ListenAddressError.noPort("localhost")), ("[::1]", .noPort("[::1]")),
                      ("host:http", .noPort("host:http")), ("127.0.0.1:65536", .portOutOfRange(65536)),
                      ("127.0.0.1:-1", .portOutOfRange(-1)), (":9464", .noHost), ("[]:9464", .noHost),
                      ("::1:9464", .ipv6WithoutBrackets("::1:9464"))])
    func refuses(_ text: String, _ error: ListenAddressError) {
        #expect(throws: error) { try ListenAddress(parsing: text) }
    }

    @Test func theReasonSaysWhatIsExpected() {
        #expect(ListenAddressError.noPort("localhost").description
                == "expected HOST:PORT, such as 127.0.0.1:9464, localhost:9464 or [::1]:9464 (port 0 picks a free one); "
                + "'localhost' has no port")
    }
}
