import Foundation
import Testing
@testable import AWSCore

/// Documents `XMLReader` refuses, with where and why.
@Suite struct XMLReaderRefusalTests {
    /// A refused document, the line and column of the failure, and words of its reason.
    struct RefusedCase: CustomTestStringConvertible, Sendable {
        var xml: [UInt8]
        var line: Int
        var column: Int
        var reason: String
        var testDescription: String { reason }

        init(_ xml: String, _ line: Int, _ column: Int, _ reason: String) {
            self.init(Array(xml.utf8), line, column, reason)
        }

        init(_ xml: [UInt8], _ line: Int, _ column: Int, _ reason: String) {
            self.xml = xml
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    static let refused: [RefusedCase] = [
        RefusedCase("", 1, 1, "no root element"),
        RefusedCase("<?xml version=\"1.0\"?>\n<!-- only -->\n", 3, 1, "no root element"),
        RefusedCase("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", 1, 1, "DOCTYPE declarations are not supported"),
        RefusedCase("<a>\n<!DOCTYPE a></a>", 2, 1, "DOCTYPE declarations are not supported"),
        RefusedCase("<a>&nbsp;</a>", 1, 4, "undefined entity '&nbsp;'"),
        RefusedCase("<a>AT&T</a>", 1, 6, "'&' does not start an entity or character reference"),
        RefusedCase("<a>a & b</a>", 1, 6, "'&' does not start an entity or character reference"),
        RefusedCase("<a>&#xD800;</a>", 1, 4, "character reference to a code point XML does not allow"),
        RefusedCase("<a>&#0;</a>", 1, 4, "character reference to a code point XML does not allow"),
        RefusedCase("<a>&#x110000;</a>", 1, 4, "character reference to a code point XML does not allow"),
        RefusedCase("<a>&#99999999999999999999;</a>", 1, 4, "character reference to a code point XML does not allow"),
        RefusedCase("<a>&#x;</a>", 1, 4, "'&' does not start an entity or character reference"),
        RefusedCase("<a><b></a>", 1, 9, "end tag 'a' does not match start tag 'b'"),
        RefusedCase("<a>\n  <b>x</b>\n", 3, 1, "element 'a' is not closed"),
        RefusedCase("<a>x</a>y", 1, 9, "content after the root element"),
        RefusedCase("<a/>\n<b/>", 2, 1, "content after the root element"),
        RefusedCase("x<a/>", 1, 1, "unexpected 'x', expected the root element"),
        RefusedCase("<a>1 < 2</a>", 1, 7, "unexpected byte 0x20, expected a name"),
        RefusedCase("<a b='<'/>", 1, 7, "unexpected '<', expected an attribute value"),
        RefusedCase("<a b='&'/>", 1, 7, "'&' does not start an entity or character reference"),
        RefusedCase("<a b=c/>", 1, 6, "unexpected 'c', expected a quoted attribute value"),
        RefusedCase("<a b='1' b='2'/>", 1, 10, "attribute 'b' given twice"),
        // Past the names compared in place (16), duplicates are found by hashing.
        RefusedCase("<a " + (0..<20).map { "a\($0)=''" }.joined(separator: " ") + " a3=''/>", 1, 134,
                    "attribute 'a3' given twice"),
        RefusedCase("<a " + (0..<20).map { "a\($0)=''" }.joined(separator: " ") + " a18=''/>", 1, 134,
                    "attribute 'a18' given twice"),
        RefusedCase("<a b='1'c='2'/>", 1, 9, "unexpected 'c', expected '>' or '/>'"),
        RefusedCase("<a>]]></a>", 1, 4, "']]>' in character data"),
        RefusedCase("<a><!-- a -- b --></a>", 1, 11, "'--' inside a comment"),
        RefusedCase("<a><![CDATA[x</a>", 1, 18, "unexpected end of input, expected ']]>'"),
        RefusedCase("<a><!ELEMENT a></a>", 1, 6, "unexpected 'E', expected a comment or CDATA"),
        RefusedCase("\n<?xml version=\"1.0\"?><a/>", 2, 1, "XML declaration not at the start of the document"),
        RefusedCase("<a>\u{1}</a>", 1, 4, "character U+1 not allowed"),
        RefusedCase([0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E], 1, 4, "invalid UTF-8"),
        RefusedCase([0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E], 1, 4, "invalid UTF-8"),
        RefusedCase([0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E], 1, 4, "invalid UTF-8"),
        RefusedCase("<a>\n  é<é>\u{FFFF}", 2, 7, "character U+FFFF not allowed"),
        RefusedCase("<1a/>", 1, 2, "unexpected '1', expected a name"),
        RefusedCase("<a", 1, 3, "unexpected end of input, expected '>'"),
        RefusedCase(AWSSamples.htmlServerError, 1, 2, "unexpected '!', expected a name"),
        RefusedCase(String(repeating: "<a>", count: XMLReader.maximumDepth + 1), 1, 3 * XMLReader.maximumDepth + 1,
                    "elements nested deeper than \(XMLReader.maximumDepth)"),
    ]

    /// Refuses malformed documents, saying where and why.
    @Test(arguments: refused) func refuses(_ sample: RefusedCase) {
        do {
            let root = try XMLElement.parse(Data(sample.xml))
            Issue.record("accepted: \(root)")
        } catch {
            #expect(error.code == "MalformedXML")
            #expect(error.line == sample.line && error.column == sample.column, "\(error)")
            #expect(error.reason.hasPrefix(sample.reason), "\(error)")
        }
    }
}
