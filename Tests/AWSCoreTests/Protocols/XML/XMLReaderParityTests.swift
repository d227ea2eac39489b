import Foundation
import Testing
@testable import AWSCore

/// Parity: `XMLReader` gives the tree the `XMLParser`-based builder it replaced gave.
@Suite struct XMLReaderParityTests {
    /// The AWS responses of the valid table and the exact-tree documents.
    @Test func agreesWithFoundationOnSamples() throws {
        let documents = XMLReaderTests.awsResponses.map(\.xml) + XMLReaderTests.trees.map(\.0)
        for xml in documents {
            let data = Data(xml.utf8)
            #expect(try XMLElement.parse(data) == FoundationXMLTreeBuilder.parse(data), "\(xml)")
        }
    }

    /// 500 generated documents: nested elements, prefixed names, entities, character references, CDATA, comments,
    /// processing instructions, attributes, whitespace and line ends of every kind.
    @Test func agreesWithFoundationOnGeneratedDocuments() throws {
        var generator = XMLDocumentGenerator(seed: 0x5EED)
        for _ in 0..<500 {
            let xml = generator.document()
            let data = Data(xml.utf8)
            #expect(try XMLElement.parse(data) == FoundationXMLTreeBuilder.parse(data), "\(xml.debugDescription)")
        }
    }
}

/// Generates well-formed XML documents of random shape.
private struct XMLDocumentGenerator: SeededGenerator {
    /// The random source.
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A document: optional declaration and comments around one root element.
    mutating func document() -> String {
        var xml = chance(50) ? pick(["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version='1.0'?>"]) : ""
        xml += misc()
        element(depth: 0, into: &xml)
        xml += misc()
        return xml
    }

    /// Whitespace, comments and processing instructions, as may stand outside the root.
    private mutating func misc() -> String {
        (0..<below(3)).map { _ in pick(["\n", "  ", "\r\n", "<!-- note -->", "<?pi data?>", "\t"]) }.joined()
    }

    /// Writes an element with random attributes and content.
    private mutating func element(depth: Int, into xml: inout String) {
        let name = pick(["Role", "member", "ns:Entry", "a", "Key_1", "x-y.z", "Ä"])
        xml += "<\(name)"
        for index in 0..<below(3) {
            let quote = pick(["\"", "'"])
            xml += "\(pick([" ", "\n", "  "]))at\(index)\(pick(["=", " = "]))\(quote)\(pick(["v", "a>b", "&amp;", ""]))\(quote)"
        }
        if chance(15) {
            xml += pick(["/>", " />"])
            return
        }
        xml += ">"
        for _ in 0..<below(depth < 5 ? 5 : 2) {
            switch below(10) {
            case 0...3 where depth < 6: element(depth: depth + 1, into: &xml)
            case 4: xml += "<![CDATA[\(pick(["<x>", "a&b", "]]", " ", "\r\nline"]))]]>"
            case 5: xml += pick(["<!-- c -->", "<?target data?>", "<!---->"])
            default: xml += text()
            }
        }
        xml += "</\(name)\(pick(["", " ", "\n"]))>"
    }

    /// Character data with entities, character references and whitespace.
    private mutating func text() -> String {
        (0..<below(4)).map { _ in
            pick(["word", " ", "\n  ", "\r\n", "\r", "\t", "&lt;", "&gt;", "&amp;", "&apos;", "&quot;", "&#65;",
                  "&#x1F600;", "&#xA;", "&#32;", "é", "中", "]", " >", "'\""])
        }.joined()
    }
}
