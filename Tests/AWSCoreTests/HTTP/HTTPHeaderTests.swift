import Foundation
import Testing

@testable import AWSCore

/// Header names compare ignoring ASCII case only.
struct HTTPHeaderTests {
    @Test(arguments: [
        ("Content-Type", "content-type", true),
        ("X-AMZ-DATE", "x-amz-date", true),
        ("x-amz-date", "X-Amz-Date", true),
        ("Host", "Hosts", false),
        ("Host", "Hos", false),
        ("", "", true),
        ("a[", "A{", false),  // [ and { differ by 0x20 but are not letters
        ("ﬀ", "FF", false),  // no Unicode case folding
    ])
    func isNamed(name: String, asked: String, expected: Bool) {
        #expect(HTTPHeader(name, "v").isNamed(asked) == expected)
    }

    /// `header` finds the first match and `setHeader` replaces every match, whatever the case.
    @Test func requestHeaderLookupAndReplacement() {
        var request = HTTPRequest(method: "GET", url: URL(string: "https://example.com/")!, headers: [
            HTTPHeader("x-a", "1"), HTTPHeader("X-A", "2"), HTTPHeader("x-b", "3"),
        ])
        #expect(request.header("X-a") == "1")
        request.setHeader("X-A", "4")
        #expect(request.headers == [HTTPHeader("x-b", "3"), HTTPHeader("X-A", "4")])
        #expect(HTTPResponse(status: 200, headers: [HTTPHeader("Retry-After", "2")], body: Data())
            .header("retry-after") == "2")
    }
}
