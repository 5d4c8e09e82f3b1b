package org.sitrep.analysis.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.sitrep.analysis.evaluation.CorpusEngine;
import org.sitrep.analysis.evaluation.CorpusException;
import org.sitrep.analysis.evaluation.CorpusText;
import org.sitrep.analysis.evaluation.DevCorpus;
import org.sitrep.analysis.evaluation.EvaluationReport;
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
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the analysis engine on annotated corpora: precision, recall and F1 per component,",
                "geocoding accuracy (share within 10 km and 161 km, mean and median error).",
                "DIR: a development corpus (analysis/corpus/dev); FILE.jsonl: a geoparsing corpus;",
                "PLOVER_*.txt: event-coding gold sentences."})
public final class EvaluateCommand implements Callable<Integer> {

    enum Format { text, json, markdown, floors }

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "corpus directories or files")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text, json, markdown, or floors (a floors file for DevCorpusFloorsTest; default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--details", description = "also list every miss of the dev split (never tune on the test split)")
    boolean details;

    @Spec
    CommandSpec spec;

    private final Supplier<CorpusEngine> engines;
    private CorpusEngine engine;

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
                        geoparsing(path, out, err);
                    } else if (name.contains("plover")) {
                        plover(path, out, err);
                    } else {
                        err.println("sitrep evaluate: " + path + ": not a corpus: expected a development-corpus directory, "
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
            case json -> out.println(report.json());
            case markdown -> out.print(report.markdown());
            case text -> out.print(report.text());
            case floors -> out.print(report.floors());
        }
        if (details) out.print(report.details());
    }

    private void geoparsing(Path file, PrintWriter out, PrintWriter err) {
        throw new CorpusException(file + ": geoparsing corpora are not supported by this build yet");
    }

    private void plover(Path file, PrintWriter out, PrintWriter err) {
        throw new CorpusException(file + ": PLOVER gold files are not supported by this build yet");
    }

    private CorpusEngine engine() {
        if (engine == null) engine = engines.get();
        return engine;
    }
}
