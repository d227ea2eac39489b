import AWSCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser`-based builder `XMLReader` replaced, kept in the tests only as the reference of the parity test
/// (the product must not link FoundationXML). Used once per document, on one thread.
final class FoundationXMLTreeBuilder: NSObject, XMLParserDelegate {
    /// Elements opened and not yet closed; the last one is the current element.
    private var stack: [AWSCore.XMLElement] = []
    /// The finished root element.
    private var root: AWSCore.XMLElement?

    /// Parses `data`; external entities are never resolved.
    static func parse(_ data: Data) throws(XMLParseError) -> AWSCore.XMLElement {
        let builder = FoundationXMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        let succeeded = parser.parse()
        guard succeeded, let root = builder.root else {
            let reason = parser.parserError.map { String(describing: $0) } ?? "no root element"
            throw XMLParseError(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        return root
    }

    /// Opens an element.
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(AWSCore.XMLElement(name: elementName))
    }

    /// Appends character data to the current element.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    /// Appends CDATA to the current element.
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    /// Closes the current element and attaches it to its parent (or makes it the root).
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard var element = stack.popLast() else { return }
        if !element.children.isEmpty && element.text.allSatisfy(\.isWhitespace) {
            element.text = ""
        }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
