package org.sitrep.intel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every article the server has analysed (our pieces and ingested items) as JSON Lines in the shape the Spark
 * archive job reads (docs/batch.md): {@code id} is {@code piece:ID} or {@code item:ID}, so {@link ArchiveImport}
 * takes the run's events straight back to their articles; {@code body} is the text the server stored, so the
 * evidence offsets of the batch's events point into the same text. Rows are streamed, never held in memory.
 */
@Component
class ArchiveExport {
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    ArchiveExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one line per article, oldest first; returns how many. */
    int export(Writer out) throws IOException {
        AtomicInteger n = new AtomicInteger();
        try {
            jdbc.sql("SELECT source_kind, source_id, title, url, source_name, published_on, text "
                            + "FROM intel_documents ORDER BY id")
                    .query(rs -> {
                        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                            g.writeStartObject();
                            g.writeStringField("id", rs.getString(1) + ":" + rs.getLong(2));
                            g.writeStringField("title", rs.getString(3));
                            g.writeStringField("url", rs.getString(4));
                            g.writeStringField("source", rs.getString(5));
                            g.writeStringField(
                                    "published",
                                    rs.getObject(6, java.time.LocalDate.class).toString());
                            g.writeStringField("body", rs.getString(7));
                            g.writeEndObject();
                            g.flush();
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        n.incrementAndGet();
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n.get();
    }
}
