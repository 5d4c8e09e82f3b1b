package org.sitrep.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * IPTC ninjs (news in JSON), versions 1.x and 2.x: uri, headline, body (HTML or text),
 * creation times, byline, located and subjects. A file may hold one item or an array of them.
 */
final class Ninjs {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    private Ninjs() {}

    static List<WireItem> read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String line =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new BadInput("malformed JSON" + line + ": " + e.getOriginalMessage());
        } catch (Exception e) {
            throw new BadInput("unreadable JSON: " + e.getMessage(), e);
        }
        List<WireItem> out = new ArrayList<>();
        if (root != null && root.isArray()) for (JsonNode n : root) out.add(item(n));
        else out.add(item(root));
        return out;
    }

    private static WireItem item(JsonNode n) {
        if (n == null || !n.isObject()) throw new BadInput("not a ninjs item (expected a JSON object)");
        if (!n.has("uri")
                && !n.has("headline")
                && !n.has("headlines")
                && !n.has("body_html")
                && !n.has("body_text")
                && !n.has("bodies")) {
            throw new BadInput("not a ninjs item (no uri, headline or body)");
        }
        String uri = text(n.get("uri"));
        String headline = text(n.get("headline"));
        if (headline == null
                && n.path("headlines").isArray()
                && n.path("headlines").size() > 0) {
            headline = text(n.path("headlines").get(0).get("value"));
        }
        String html = text(n.get("body_html"));
        String plain = text(n.get("body_text"));
        for (JsonNode body : n.path("bodies")) { // ninjs 2: [{contenttype, value}]
            String type = text(body.get("contenttype"));
            if (html == null && type != null && type.contains("html")) html = text(body.get("value"));
            else if (plain == null) plain = text(body.get("value"));
        }
        String description = text(n.get("description_text"));
        if (description == null)
            description = text(n.path("descriptions").path(0).get("value"));
        LocalDate published = NewsMl.date(text(n.get("firstcreated")));
        if (published == null) published = NewsMl.date(text(n.get("versioncreated")));
        String byline = text(n.get("byline"));
        String provider = text(n.get("copyrightholder"));
        if (provider == null) provider = byline;
        String url = uri != null && (uri.startsWith("https://") || uri.startsWith("http://")) ? uri : null;

        WireItem item;
        if (html != null) {
            String withSummary = description == null
                    ? html
                    : "<p class=\"standfirst\">" + org.jsoup.nodes.Entities.escape(description) + "</p>" + html;
            item = WireItem.fromHtml(uri, url, headline, withSummary, published, provider, "ninjs");
        } else {
            item = WireItem.fromText(
                    uri,
                    url,
                    headline,
                    (description == null ? "" : description + "\n\n") + (plain == null ? "" : plain),
                    published,
                    provider,
                    "ninjs");
        }
        if (item.blocks().size() < 2) {
            throw new BadInput(
                    "ninjs item " + (uri == null ? "without uri" : uri) + " has no text beyond its headline");
        }
        List<String> keywords = new ArrayList<>();
        JsonNode located = n.get("located");
        if (located != null) keywords.add(located.isObject() ? text(located.get("name")) : text(located));
        for (JsonNode place : n.path("places")) keywords.add(text(place.get("name")));
        for (JsonNode subject : n.path("subject"))
            keywords.add(subject.isObject() ? text(subject.get("name")) : text(subject));
        for (JsonNode subject : n.path("subjects")) keywords.add(text(subject.get("name")));
        return item.withKeywords(keywords);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        String s = n.asText();
        return s == null || s.isBlank() ? null : s.strip();
    }
}
