package org.sitrep.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.sitrep.analysis.evaluation.AnalyzerEngine;
import org.sitrep.analysis.evaluation.CorpusEngine;
import org.sitrep.analysis.evaluation.CorpusException;
import org.sitrep.analysis.evaluation.CorpusText;
import org.sitrep.analysis.evaluation.DevCorpus;
import org.sitrep.analysis.evaluation.EvaluationReport;
import org.sitrep.analysis.evaluation.geo.GeoparsingCorpus;
import org.sitrep.analysis.evaluation.geo.GeoparsingEvaluation;
import org.sitrep.analysis.evaluation.geo.GeoparsingScore;
import org.sitrep.analysis.evaluation.plover.PloverEvaluation;
import org.sitrep.analysis.places.Geoparser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./sitrep evaluate DIR|FILE …}: scores the engine on an annotated corpus. A directory is a
 * development corpus (one JSON file per text); a {@code .jsonl} file a geoparsing corpus
 * (GeoWebNews, TR-News); a PLOVER gold file the event-coding sentences.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Score the analysis engine on annotated corpora: precision, recall and F1",
            "per component, and geocoding (share within 10 km and 161 km, mean and median",
            "error). DIR: a development corpus (analysis/corpus/dev); FILE.jsonl: a",
            "geoparsing corpus (GeoWebNews, TR-News); PLOVER_*.txt: event-coding sentences."
        })
public final class EvaluateCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        markdown,
        floors
    }

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "corpus directories or files")
    List<Path> paths;

    @Option(
            names = "--format",
            defaultValue = "text",
            description =
                    "text, json, markdown, or floors (a floors file for DevCorpusFloorsTest; default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--details", description = "also list every miss of the dev split (never tune on the test split)")
    boolean details;

    @Spec
    CommandSpec spec;

    private final Supplier<CorpusEngine> engines;
    private CorpusEngine engine;

    /** The real engine, built on first use: loading the gazetteer and dictionaries takes a few seconds. */
    public EvaluateCommand() {
        this(AnalyzerEngine::standard);
    }

    public EvaluateCommand(Supplier<CorpusEngine> engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = 0;
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("sitrep evaluate: " + path + ": no such file or directory");
                status = 2;
                continue;
            }
            try {
                if (Files.isDirectory(path)) {
                    devCorpus(path, out);
                } else {
                    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".jsonl")) {
                        geoparsing(path, out);
                    } else if (name.contains("plover")) {
                        plover(path, out);
                    } else {
                        err.println(
                                "sitrep evaluate: " + path + ": not a corpus: expected a development-corpus directory, "
                                        + "a .jsonl geoparsing corpus or a PLOVER gold file");
                        status = 2;
                    }
                }
            } catch (CorpusException e) {
                err.println("sitrep evaluate: " + e.getMessage());
                status = Math.max(status, 1);
            }
            out.flush();
        }
        return status;
    }

    private void devCorpus(Path dir, PrintWriter out) {
        List<CorpusText> texts = DevCorpus.load(dir);
        CorpusEngine e = engine();
        EvaluationReport report = EvaluationReport.run(texts, e::analyze, e.version(), dir.toString(), LocalDate.now());
        switch (format) {
            case json -> out.println(report.json(details));
            case markdown -> out.print(report.markdown());
            case text -> out.print(report.text());
            case floors -> out.print(report.floors());
        }
        if (details && (format == Format.text || format == Format.markdown)) out.print(report.details());
    }

    /** GeoWebNews / TR-News in the shared JSONL format: recognition and geocoding of the place finder alone. */
    private void geoparsing(Path file, PrintWriter out) {
        GeoparsingCorpus.Corpus corpus;
        try {
            corpus = GeoparsingCorpus.read(file);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": not a geoparsing corpus: " + e.getMessage(), e);
        }
        if (corpus.documents().isEmpty()) {
            throw new CorpusException(file + ": not a geoparsing corpus: no readable documents ("
                    + corpus.skippedLines() + " lines skipped)");
        }
        GeoparsingScore score = GeoparsingEvaluation.score(corpus, Geoparser.worldwide());
        out.println(score.summary()
                + (corpus.skippedLines() > 0 ? " (" + corpus.skippedLines() + " unreadable lines skipped)" : ""));
        out.println("  " + score.errorSummary());
        // The literature reports figures with and without adjectival references ("Syrian"): both, one line each.
        GeoparsingScore adjectival = GeoparsingEvaluation.score(
                corpus,
                GeoparsingEvaluation.withAdjectivalReferences(Geoparser.worldwide()),
                Geoparser.worldwide().gazetteer());
        out.println("  with adjectival references: " + adjectival.summary());
    }

    /** The PLOVER gold sentences: event detection, type and actors of the actor finder and event extractor. */
    private void plover(Path file, PrintWriter out) {
        try {
            out.print(PloverEvaluation.score(file).toMarkdown());
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": not a PLOVER gold file: " + e.getMessage(), e);
        }
    }

    private CorpusEngine engine() {
        if (engine == null) engine = engines.get();
        return engine;
    }
}
