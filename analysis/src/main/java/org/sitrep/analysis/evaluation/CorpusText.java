package org.sitrep.analysis.evaluation;

import java.nio.file.Path;
import java.time.LocalDate;
import org.sitrep.analysis.Document;

/**
 * One annotated text of the development corpus, as read from its JSON file.
 *
 * @param split "dev" (tune on it) or "test" (held out: report it, never tune on it)
 * @param style wire, analysis, memo, caption, liveblog, html …
 */
public record CorpusText(
        String id,
        String split,
        String style,
        LocalDate published,
        Document.Format format,
        String title,
        String content,
        Gold gold,
        Path source) {

    public static final String DEV = "dev";
    public static final String TEST = "test";

    /** The engine's input for this text; the publication date is given, as an editor would. */
    public Document document() {
        return new Document(content, format, published, title);
    }
}
