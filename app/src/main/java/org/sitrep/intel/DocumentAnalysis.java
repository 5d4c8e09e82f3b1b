package org.sitrep.intel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.UnreadableDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One turn of a worker: claim a job, read its document from the feature that owns it, run the
 * engine, store the result (or withdraw the document's machine events if the source is gone),
 * and report back to the queue. Any failure is recorded on the job, never thrown at the worker.
 */
@Service
public class DocumentAnalysis {
    private static final Logger log = LoggerFactory.getLogger(DocumentAnalysis.class);

    private final AnalysisQueue queue;
    private final AnalysisEngine engine;
    private final AnalysisStore store;
    private final Map<String, SourceDocuments> sources;

    DocumentAnalysis(AnalysisQueue queue, AnalysisEngine engine, AnalysisStore store, List<SourceDocuments> sources) {
        this.queue = queue;
        this.engine = engine;
        this.store = store;
        this.sources =
                sources.stream().collect(Collectors.toMap(SourceDocuments::kind, Function.identity(), (a, b) -> a));
    }

    /** Runs the next due job, if any; returns whether there was one. */
    public boolean runOnce(String worker) {
        Optional<AnalysisQueue.Job> claimed = queue.claim(worker);
        if (claimed.isEmpty()) return false;
        AnalysisQueue.Job job = claimed.get();
        try {
            SourceDocuments source = sources.get(job.kind());
            if (source == null)
                throw new IllegalStateException("no feature provides documents of kind '" + job.kind() + "'");
            Optional<SourceDocument> document = source.load(job.sourceId());
            if (document.isEmpty()) {
                store.withdraw(job.kind(), job.sourceId());
                queue.done(job, null);
                return true;
            }
            Analysis analysis = engine.analyzer().analyze(toEngine(document.get()));
            store.save(document.get(), analysis);
            queue.done(job, analysis.engineVersion());
        } catch (UnreadableDocumentException e) {
            // Binary or garbled input stays so however often it is read: no point retrying.
            queue.failed(job, "unreadable document: " + e.getMessage(), true);
        } catch (Exception | StackOverflowError e) {
            log.warn(
                    "Analysis of {} {} failed (attempt {}): {}",
                    job.kind(),
                    job.sourceId(),
                    job.attempts(),
                    e.toString());
            queue.failed(job, describe(e), false);
        }
        return true;
    }

    /** Runs jobs until none is due (for tests and the command line). Returns how many ran. */
    public int drain(String worker) {
        int n = 0;
        while (runOnce(worker)) n++;
        return n;
    }

    static Document toEngine(SourceDocument d) {
        Document.Format format =
                switch (d.format() == null ? "" : d.format().toLowerCase(Locale.ROOT)) {
                    case "html" -> Document.Format.HTML;
                    case "markdown" -> Document.Format.MARKDOWN;
                    case "text" -> Document.Format.TEXT;
                    default -> Document.Format.AUTO;
                };
        return new Document(d.content() == null ? "" : d.content(), format, d.published(), d.title());
    }

    /** What the admin sees: the exception's own message (the engine's are written for people), with its type when unclear. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
