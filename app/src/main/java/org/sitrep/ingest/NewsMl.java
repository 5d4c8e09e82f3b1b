package org.sitrep.ingest;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * IPTC NewsML-G2 text items, the XML agencies send: a {@code newsItem} (or a {@code newsMessage}
 * carrying several) with its headline, slugline, description, body (XHTML in {@code inlineXML} or
 * text in {@code inlineData}), creation times, provider and credit line, and the names of the
 * places and subjects it is about.
 */
final class NewsMl {
    private NewsMl() {}

    static List<WireItem> read(byte[] xml) {
        Document doc = SafeXml.parse(xml);
        Element root = doc.getDocumentElement();
        List<Element> items = new ArrayList<>();
        if ("newsItem".equals(local(root))) items.add(root);
        else for (Element e : descendants(root, "newsItem")) items.add(e);
        if (items.isEmpty()) throw new BadInput("not a NewsML-G2 news item (the document is a <" + local(root) + ">)");
        List<WireItem> out = new ArrayList<>();
        for (Element item : items) out.add(item(item));
        return out;
    }

    private static WireItem item(Element item) {
        String guid = blankToNull(item.getAttribute("guid"));
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        String headline = text(first(contentMeta, "headline"));
        String slugline = text(first(contentMeta, "slugline"));
        String description = text(first(contentMeta, "description"));
        String credit = text(first(contentMeta, "creditline"));
        LocalDate published = date(text(first(itemMeta, "firstCreated")));
        if (published == null) published = date(text(first(itemMeta, "versionCreated")));
        if (published == null) published = date(text(first(contentMeta, "contentCreated")));

        String bodyHtml = null;
        String bodyText = null;
        Element contentSet = child(item, "contentSet");
        if (contentSet != null) {
            Element inlineXml = first(contentSet, "inlineXML");
            Element inlineData = first(contentSet, "inlineData");
            if (inlineXml != null) bodyHtml = serialise(inlineXml);
            else if (inlineData != null) bodyText = inlineData.getTextContent();
        }
        if (headline == null) headline = slugline;
        WireItem parsed;
        String provider = provider(itemMeta, credit);
        if (bodyHtml != null) {
            String withSummary = description == null
                    ? bodyHtml
                    : "<p class=\"standfirst\">" + org.jsoup.nodes.Entities.escape(description) + "</p>" + bodyHtml;
            parsed = WireItem.fromHtml(guid, null, headline, withSummary, published, provider, "newsml");
        } else {
            String body = (description == null ? "" : description + "\n\n") + (bodyText == null ? "" : bodyText);
            parsed = WireItem.fromText(guid, null, headline, body, published, provider, "newsml");
        }
        if (parsed.blocks().size() < 2) {
            throw new BadInput(
                    "news item " + (guid == null ? "without guid" : guid) + " has no text beyond its headline");
        }
        List<String> keywords = new ArrayList<>();
        if (contentMeta != null) {
            for (Element located : descendants(contentMeta, "located")) keywords.add(text(first(located, "name")));
            for (Element subject : descendants(contentMeta, "subject")) keywords.add(text(first(subject, "name")));
        }
        if (slugline != null) keywords.add(0, slugline);
        return parsed.withKeywords(keywords);
    }

    private static String provider(Element itemMeta, String credit) {
        Element provider = first(itemMeta, "provider");
        if (provider != null) {
            String name = text(first(provider, "name"));
            if (name != null) return name;
            if (!provider.getAttribute("literal").isBlank())
                return provider.getAttribute("literal").strip();
        }
        if (credit != null) return credit;
        return provider != null && !provider.getAttribute("qcode").isBlank()
                ? provider.getAttribute("qcode").strip()
                : null;
    }

    /** The XHTML inside {@code inlineXML}, as markup for the HTML cleaner. */
    private static String serialise(Element inlineXml) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node n = inlineXml.getFirstChild(); n != null; n = n.getNextSibling()) {
                t.transform(new DOMSource(n), new StreamResult(out));
            }
            return out.toString();
        } catch (Exception e) {
            throw new BadInput("unreadable inlineXML body: " + e.getMessage(), e);
        }
    }

    static LocalDate date(String s) {
        if (s == null) return null;
        try {
            return java.time.OffsetDateTime.parse(s.strip()).toLocalDate();
        } catch (RuntimeException notOffset) {
            try {
                return LocalDate.parse(
                        s.strip().substring(0, Math.min(10, s.strip().length())));
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static String local(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(local(e))) return e;
        }
        return null;
    }

    private static Element first(Element parent, String name) {
        if (parent == null) return null;
        List<Element> all = descendants(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> descendants(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagNameNS("*", name);
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    private static String text(Element e) {
        if (e == null) return null;
        return blankToNull(Markup.oneLine(e.getTextContent()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
