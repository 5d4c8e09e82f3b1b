package org.sitrep.analysis;

import java.time.LocalDate;

/**
 * Input to the engine.
 *
 * @param content   the raw text, Markdown or HTML
 * @param format    what {@code content} is; AUTO sniffs it
 * @param published publication date to anchor relative dates; null to read it from the page's
 *                  metadata (and, failing that, today)
 * @param title     headline if known separately; null to take it from the content
 */
public record Document(String content, Format format, LocalDate published, String title) {
    public enum Format {
        AUTO,
        TEXT,
        MARKDOWN,
        HTML
    }

    public static Document text(String text, LocalDate published) {
        return new Document(text, Format.TEXT, published, null);
    }

    public static Document html(String html, LocalDate published) {
        return new Document(html, Format.HTML, published, null);
    }
}
