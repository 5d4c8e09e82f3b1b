package org.sitrep.ingest;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Wire XML parsed without trusting it: no DOCTYPE at all (so no external entities, no entity
 * expansion bombs), no XInclude, no fetching of schemas or DTDs.
 */
final class SafeXml {
    private SafeXml() {}

    static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null); // errors are thrown, not printed to stderr
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("DOCTYPE"))
                throw new BadInput("XML with a DOCTYPE is refused (external entities are not allowed)");
            throw new BadInput("malformed XML (line " + e.getLineNumber() + "): " + m);
        } catch (Exception e) {
            throw new BadInput("unreadable XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Nesting costs the readers after the parser (and their recursion) more than it costs the parser: bounded
        // as HTML is (MarkupLimits), so an XHTML body cannot smuggle in what a page may not.
        f.setAttribute(
                "http://www.oracle.com/xml/jaxp/properties/maxElementDepth",
                String.valueOf(MarkupLimits.MAX_DEPTH + 16));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
