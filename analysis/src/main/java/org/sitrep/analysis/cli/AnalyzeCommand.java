package org.sitrep.analysis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.AnalysisJson;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.UnreadableDocumentException;
import org.sitrep.analysis.text.TextCleaner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sitrep analyze [--published YYYY-MM-DD] [--format json|text] FILE|DIR|- ...}: one file gives one
 * JSON document; several files or a folder give JSON Lines, one object per input with its file name,
 * from one engine loaded once.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse news texts (plain text, Markdown or HTML) into places, actors, dates and events.",
            "Several files or a folder (its files, in name order): JSON Lines, one object per input with its",
            "\"file\"; an input that cannot be read gets {\"file\": …, \"error\": …} and the others go on."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:analysed",
            "1:an input cannot be read or is not text (missing, binary, empty)",
            "2:bad command-line arguments"
        })
public final class AnalyzeCommand implements Callable<Integer> {
    /** Bytes read at most: larger files are cut, with a note. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    enum OutputFormat {
        json,
        text
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--published",
            paramLabel = "YYYY-MM-DD",
            converter = IsoDate.class,
            description = "Publication date that anchors relative dates (default: the page's metadata, else today).")
    LocalDate published;

    @Option(
            names = "--format",
            paramLabel = "json|text",
            defaultValue = "json",
            description =
                    "Output: json (schema 1, see docs/analysis) or a readable text summary. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(
            names = "--input-format",
            paramLabel = "auto|text|markdown|html",
            defaultValue = "auto",
            description = "What the input is; auto sniffs it. Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE|DIR|-",
            description = "Files or folders to analyse, or - for standard input (alone).")
    List<String> inputs;

    /** The input being read. */
    String file;

    private final InputStream stdin;
    private Analyzer analyzer;

    public AnalyzeCommand() {
        this(System.in, null);
    }

    /** For embedding and tests: where "-" reads from, and the analyzer to use (null: the default). */
    public AnalyzeCommand(InputStream stdin, Analyzer analyzer) {
        this.stdin = stdin;
        this.analyzer = analyzer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Document.Format docFormat;
        try {
            docFormat = Document.Format.valueOf(inputFormat.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println(
                    "sitrep analyze: --input-format must be auto, text, markdown or html, not '" + inputFormat + "'");
            return 2;
        }
        if (inputs.size() == 1 && !isDirectory(inputs.get(0))) {
            file = inputs.get(0);
            return analyzeOne(docFormat, out, err);
        }
        if (inputs.contains("-")) {
            err.println("sitrep analyze: - (standard input) cannot be combined with other inputs");
            return 2;
        }
        List<String> files = new ArrayList<>();
        for (String in : inputs) {
            if (!isDirectory(in)) {
                files.add(in);
                continue;
            }
            try (Stream<Path> s = Files.list(Path.of(in))) {
                s.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .map(Path::toString)
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                err.println("sitrep analyze: " + in + ": cannot list the folder (" + e.getMessage() + ")");
                files.add(in); // reported as a failed input below
            }
        }
        if (files.isEmpty()) {
            err.println("sitrep analyze: no files in " + String.join(", ", inputs));
            return 1;
        }
        int failed = 0;
        for (String f : files) {
            file = f;
            StringWriter one = new StringWriter();
            StringWriter problems = new StringWriter();
            OutputFormat asked = format;
            format = OutputFormat.json;
            int exit;
            try {
                exit = analyzeOne(docFormat, new PrintWriter(one), new PrintWriter(problems));
            } finally {
                format = asked;
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("file", f);
            if (exit == 0) {
                try {
                    line.setAll((ObjectNode) JSON.readTree(one.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot re-read the analysis JSON", e);
                }
                if (format == OutputFormat.text) {
                    out.println("== " + f);
                    new Summary(out).print(AnalysisJson.read(one.toString()));
                    out.println();
                } else {
                    out.println(line.toString());
                }
            } else {
                failed++;
                String why = problems.toString().strip().replaceFirst("^sitrep analyze: ", "");
                line.put("error", why);
                err.println("sitrep analyze: " + why);
                if (format == OutputFormat.json) out.println(line.toString());
            }
            String notes = problems.toString().strip();
            if (exit == 0 && !notes.isEmpty()) err.println(notes);
            out.flush();
        }
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    private static boolean isDirectory(String input) {
        try {
            return !"-".equals(input) && Files.isDirectory(Path.of(input));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private Integer analyzeOne(Document.Format docFormat, PrintWriter out, PrintWriter err) {
        String content;
        try {
            content = read(err);
        } catch (InputProblem e) {
            err.println("sitrep analyze: " + e.getMessage());
            return 1;
        }
        if (content.isBlank()) {
            err.println("sitrep analyze: " + name() + " is empty: nothing to analyse");
            return 1;
        }
        Analysis analysis;
        try {
            if (analyzer == null) analyzer = Analyzer.create();
            analysis = analyzer.analyze(new Document(content, docFormat, published, null));
        } catch (UnreadableDocumentException e) {
            err.println("sitrep analyze: " + name() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("sitrep analyze: " + name() + ": analysis failed (" + e + ")");
            return 1;
        }
        if (TextCleaner.truncated(analysis.text())) {
            err.println("sitrep analyze: note: the text is very long; only the first "
                    + analysis.text().length() + " characters were analysed");
        }
        if (!analysis.text().isBlank() && TextCleaner.latinShare(analysis.text()) < 0.5) {
            err.println("sitrep analyze: note: the text does not look like English; the engine reads English only");
        }
        if (format == OutputFormat.json) {
            out.println(AnalysisJson.write(analysis));
        } else {
            new Summary(out).print(analysis);
        }
        out.flush();
        return 0;
    }

    private String name() {
        return "-".equals(file) ? "standard input" : file;
    }

    private String read(PrintWriter err) throws InputProblem {
        byte[] bytes;
        try (InputStream in = "-".equals(file) ? stdin : Files.newInputStream(Path.of(file))) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputProblem(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputProblem(file + ": permission denied");
        } catch (IOException e) {
            throw new InputProblem(name() + ": cannot read (" + e.getMessage() + ")");
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputProblem("'" + file + "' is not a valid path");
        }
        int length = bytes.length;
        if (length > MAX_BYTES) {
            length = MAX_BYTES;
            err.println("sitrep analyze: note: " + name() + " is larger than " + (MAX_BYTES >> 20)
                    + " MB; only the start was read");
        }
        int sniff = Math.min(length, 8192);
        for (int i = 0; i < sniff; i++) {
            if (bytes[i] == 0) throw new InputProblem(name() + " looks like binary data (NUL bytes), not text");
        }
        return decode(bytes, length);
    }

    /** UTF-8 (with or without BOM); failing that, Windows-1252, the usual encoding of older saved pages. */
    private static String decode(byte[] bytes, int length) {
        int offset = length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? 3
                : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length - offset);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // a cut in the middle of a UTF-8 sequence at MAX_BYTES is not a reason to change encoding
            String lenient = new String(bytes, offset, length - offset, StandardCharsets.UTF_8);
            long bad = lenient.chars().filter(c -> c == '\uFFFD').count();
            if (bad <= 4) return lenient;
            return new String(bytes, offset, length - offset, Charset.forName("windows-1252"));
        }
    }

    /** "--published must be a date like 2014-03-24", not a parser's stack of reasons. */
    static final class IsoDate implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a date like 2014-03-24 (YYYY-MM-DD)");
            }
        }
    }

    private static final class InputProblem extends Exception {
        InputProblem(String message) {
            super(message);
        }
    }

    /** The {@code --format text} report: what an analyst reads in a terminal. */
    static final class Summary {
        private final PrintWriter out;

        Summary(PrintWriter out) {
            this.out = out;
        }

        void print(Analysis a) {
            out.println(a.title() == null ? "(no headline)" : a.title());
            out.println("published " + a.published() + " · engine " + a.engineVersion() + " · "
                    + a.text().length() + " characters");
            out.println();
            out.println("Places (" + a.places().size() + ")");
            for (Place p : a.places()) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s %9.4f, %9.4f  %s%s · %s · %d mention%s%n",
                        p.name(),
                        p.lat(),
                        p.lon(),
                        p.country(),
                        p.admin1() == null ? "" : ", " + p.admin1(),
                        p.precision() == null ? "?" : p.precision().word(),
                        p.mentions().size(),
                        p.mentions().size() == 1 ? "" : "s");
            }
            out.println();
            out.println("Actors (" + a.actors().size() + ")");
            for (Actor x : a.actors()) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s %s · side: %s · %d mention%s%n",
                        x.canonical() == null ? x.name() : x.canonical(),
                        x.kind() == null ? "?" : x.kind().word(),
                        x.side() == null ? "unknown" : x.side(),
                        x.mentions().size(),
                        x.mentions().size() == 1 ? "" : "s");
            }
            out.println();
            out.println("Events (" + a.events().size() + ")");
            int n = 0;
            for (Event e : a.events()) {
                n++;
                out.printf(Locale.ROOT, "  %d. %s / %s (confidence %.2f)%n", n, e.type(), e.subType(), e.confidence());
                out.println("     who:   " + orDash(e.actor1()) + " → " + orDash(e.actor2()));
                out.println("     where: "
                        + (e.place() == null
                                ? "—"
                                : String.format(
                                        Locale.ROOT,
                                        "%s (%.4f, %.4f, %s)",
                                        e.place().name(),
                                        e.place().lat(),
                                        e.place().lon(),
                                        e.place().precision() == null
                                                ? "?"
                                                : e.place().precision().word())));
                out.println("     when:  " + when(e));
                if (e.evidence() != null) {
                    out.println("     evidence [" + e.evidence().start() + "-"
                            + e.evidence().end() + "]: " + e.evidence().sentence());
                }
            }
            if (a.events().isEmpty() && a.places().isEmpty() && a.actors().isEmpty()) {
                out.println();
                out.println("Nothing found.");
            }
        }

        private static String orDash(String s) {
            return s == null ? "—" : s;
        }

        private static String when(Event e) {
            if (e.date() == null || e.date().earliest() == null) return "—";
            String range = e.date().earliest().equals(e.date().latest())
                    ? e.date().earliest().toString()
                    : e.date().earliest() + " .. " + e.date().latest();
            return e.date().text() == null
                    ? range + " (inferred, no date words)"
                    : range + " (\"" + e.date().text() + "\")";
        }
    }
}
