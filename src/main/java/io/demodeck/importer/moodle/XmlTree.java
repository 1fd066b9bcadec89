package io.demodeck.importer.moodle;

import io.demodeck.importer.ProblemCode;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small element tree with the line each element starts on (DOM has no lines). The parser refuses any DOCTYPE:
 * no DTD, no entity expansion (billion laughs), no external entities (XXE), no network access.
 */
final class XmlTree {

    static final class Node {
        final String name;
        final Map<String, String> attributes;
        final List<Node> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final int line;

        Node(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** The {@code <text>} of a child such as {@code <questiontext>}, or null. */
        String textOf(String childName) {
            Node c = child(childName);
            if (c == null) {
                return null;
            }
            Node t = c.child("text");
            return t == null ? c.text.toString().strip() : t.text.toString();
        }

        String attr(String key) {
            return attributes.get(key);
        }
    }

    /** Why the file is no XML, as the problem's code and values. */
    static final class XmlException extends Exception {
        final int line;
        final ProblemCode code;
        final transient Object[] args;

        XmlException(int line, ProblemCode code, Object... args) {
            super(code.key());
            this.line = line;
            this.code = code;
            this.args = args;
        }
    }

    private XmlTree() {
    }

    static Node parse(byte[] data) throws XmlException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setNamespaceAware(false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        Handler handler = new Handler();
        try {
            var parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.parse(new ByteArrayInputStream(data), handler);
        } catch (org.xml.sax.SAXParseException e) {
            int line = e.getLineNumber() > 0 ? e.getLineNumber() : handler.line();
            String detail = e.getMessage() == null ? "" : e.getMessage();
            if (detail.contains("DOCTYPE")) {
                throw new XmlException(line, ProblemCode.XML_DOCTYPE_REFUSED);
            }
            // the parser's own words (English, from the JDK) say what is malformed
            throw new XmlException(line, ProblemCode.XML_MALFORMED, detail);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            // an error without a position (a DOCTYPE inside the document ends in an internal state of the parser,
            // "Scanner State 24 not Recognized"): reported where the parser had got to
            boolean doctype = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<!DOCTYPE");
            if (doctype) {
                throw new XmlException(handler.line(), ProblemCode.XML_DOCTYPE_REFUSED);
            }
            throw new XmlException(handler.line(), ProblemCode.XML_PARSER_STOPPED, String.valueOf(e.getMessage()));
        }
        if (handler.root == null) {
            throw new XmlException(0, ProblemCode.XML_NO_ELEMENT);
        }
        return handler.root;
    }

    private static final class Handler extends DefaultHandler {
        private final Deque<Node> stack = new ArrayDeque<>();
        private Node root;
        private Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        /** The line the parser is on (1 before it started). */
        int line() {
            return locator == null ? 1 : Math.max(1, locator.getLineNumber());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                attributes.put(atts.getQName(i), atts.getValue(i));
            }
            Node node = new Node(qName, attributes, locator == null ? 0 : locator.getLineNumber());
            if (stack.isEmpty()) {
                root = node;
            } else {
                stack.peek().children.add(node);
            }
            stack.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().text.append(ch, start, length);
            }
        }
    }
}
