package org.sitrep.analysis.evaluation.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.places.AdjectivalReferences;
import org.sitrep.analysis.places.Gazetteer;
import org.sitrep.analysis.places.Geoparser;
import org.sitrep.analysis.places.PlaceFinder;
import org.sitrep.analysis.places.PlacesInText;
import org.sitrep.analysis.text.TokenisedText;

/** Scores a {@link PlaceFinder} on a geoparsing corpus in the shared JSONL format. */
public final class GeoparsingEvaluation {
    private static final double EARTH_HALF_CIRCUMFERENCE_KM = 20039;

    private GeoparsingEvaluation() {}

    public static GeoparsingScore score(Path jsonl, PlaceFinder finder) throws IOException {
        return score(GeoparsingCorpus.read(jsonl), finder);
    }

    /** Scores {@code finder}; a {@link Geoparser}'s errors are also sorted into classes against its gazetteer. */
    public static GeoparsingScore score(GeoparsingCorpus.Corpus corpus, PlaceFinder finder) {
        return score(corpus, finder, finder instanceof Geoparser g ? g.gazetteer() : null);
    }

    /**
     * The worldwide geoparser with its adjectival references ("Syrian", "European") counted as place
     * mentions linked to their country or continent: the "with adjectival references" figures the
     * literature also reports. The engine itself never makes them an event's place.
     */
    public static PlaceFinder withAdjectivalReferences(Geoparser geoparser) {
        return text -> {
            PlacesInText read = geoparser.find(TokenisedText.of(text));
            List<Place> all = new ArrayList<>(read.places());
            all.addAll(read.adjectival());
            return all;
        };
    }

    /**
     * Scores {@code finder} on {@code corpus}; with a {@code gazetteer}, its errors are sorted into
     * {@link GeoparsingErrors} classes too (else the score's error map is empty).
     */
    public static GeoparsingScore score(GeoparsingCorpus.Corpus corpus, PlaceFinder finder, Gazetteer gazetteer) {
        int gold = 0, predicted = 0, tp = 0;
        List<Double> errors = new ArrayList<>();
        GeoparsingErrors classes =
                gazetteer == null ? null : new GeoparsingErrors(gazetteer, AdjectivalReferences.bundled());
        for (GeoparsingCorpus.Doc doc : corpus.documents()) {
            gold += doc.toponyms().size();
            boolean[] matched = new boolean[doc.toponyms().size()];
            for (Place place : finder.find(doc.text())) {
                for (Span s : place.mentions()) {
                    int hit = -1;
                    for (int g = 0; g < matched.length; g++) {
                        if (!matched[g] && doc.toponyms().get(g).span().overlaps(s)) {
                            hit = g;
                            break;
                        }
                    }
                    if (hit >= 0) {
                        matched[hit] = true;
                        predicted++;
                        tp++;
                        GeoparsingCorpus.Toponym t = doc.toponyms().get(hit);
                        double km = Geoparser.km(place.lat(), place.lon(), t.lat(), t.lon());
                        errors.add(km);
                        if (classes != null && km > 161) classes.misplaced(doc, t, place, s);
                    } else if (overlapsAny(s, doc.unscored()) || overlapsGold(s, doc)) {
                        // unscored span, or a second prediction on an already matched toponym: neither for nor against
                    } else {
                        predicted++;
                        if (classes != null) classes.falsePositive(doc, s);
                    }
                }
            }
            if (classes != null)
                for (int g = 0; g < matched.length; g++)
                    if (!matched[g]) classes.missed(doc, doc.toponyms().get(g));
        }
        double p = predicted == 0 ? 0 : (double) tp / predicted;
        double r = gold == 0 ? 0 : (double) tp / gold;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double within161 = Arrays.stream(e).filter(x -> x <= 161).count();
        double within10 = Arrays.stream(e).filter(x -> x <= 10).count();
        double mean = e.length == 0 ? 0 : Arrays.stream(e).average().orElse(0);
        double median =
                e.length == 0 ? 0 : e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
        double auc = e.length == 0
                ? 0
                : Arrays.stream(e).map(x -> Math.log(1 + x)).average().orElse(0)
                        / Math.log(EARTH_HALF_CIRCUMFERENCE_KM);
        int n = Math.max(1, e.length);
        return new GeoparsingScore(
                corpus.name(),
                corpus.documents().size(),
                gold,
                predicted,
                tp,
                p,
                r,
                f1,
                within161 / n,
                within10 / n,
                mean,
                median,
                auc,
                gold == 0 ? 0 : within161 / gold,
                classes == null ? Map.of() : classes.counts());
    }

    private static boolean overlapsAny(Span s, List<Span> spans) {
        for (Span u : spans) if (u.overlaps(s)) return true;
        return false;
    }

    private static boolean overlapsGold(Span s, GeoparsingCorpus.Doc doc) {
        for (GeoparsingCorpus.Toponym t : doc.toponyms()) if (t.span().overlaps(s)) return true;
        return false;
    }

    /**
     * The shared corpora folder: {@code $SITREP_SHARED/geoparsing}, else the first {@code shared/geoparsing}
     * found walking up from the working directory; empty where there is none (a fresh clone).
     */
    public static Optional<Path> sharedCorpora() {
        String env = System.getenv("SITREP_SHARED");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).resolve("geoparsing");
            if (Files.isDirectory(p)) return Optional.of(p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("geoparsing");
            if (Files.isDirectory(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Prints the scores of the worldwide geoparser on every corpus in the shared folder (or the given files). */
    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        if (args.length > 0) for (String a : args) files.add(Path.of(a));
        else {
            Path dir = sharedCorpora().orElseThrow(() -> new IOException("no shared/geoparsing folder found"));
            try (var s = Files.list(dir)) {
                s.filter(f -> f.toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        }
        Geoparser g = Geoparser.worldwide();
        for (Path f : files) {
            GeoparsingCorpus.Corpus c = GeoparsingCorpus.read(f);
            GeoparsingScore s = score(c, g);
            System.out.println(s.summary());
            System.out.println(s.errorSummary());
            System.out.println("  with adjectival references: "
                    + score(c, withAdjectivalReferences(g), g.gazetteer()).summary());
        }
    }
}
