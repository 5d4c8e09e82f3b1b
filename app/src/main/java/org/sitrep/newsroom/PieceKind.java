package org.sitrep.newsroom;

import java.util.Arrays;
import java.util.Optional;

/** The four kinds of piece the outlet publishes; {@code path} is the public URL segment. */
public enum PieceKind {
    NEWS("News", "news"),
    ANALYSIS("Analysis", "analysis"),
    MEMO("Memo", "memos"),
    REPORT("Report", "reports");

    private final String label;
    private final String path;

    PieceKind(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    public static Optional<PieceKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
