package org.sitrep.site;

import java.util.Arrays;
import java.util.List;
import org.sitrep.newsroom.PieceKind;

/** A kind of piece as the navigation names it ("Memos", not "Memo"). */
public record KindNav(PieceKind kind, String title, String description) {

    public static final List<KindNav> ALL =
            Arrays.stream(PieceKind.values()).map(KindNav::of).toList();

    public static KindNav of(PieceKind kind) {
        return switch (kind) {
            case NEWS -> new KindNav(kind, "News", "Reporting on the day's events, as they happen.");
            case ANALYSIS -> new KindNav(kind, "Analysis", "What the events mean and where they lead.");
            case MEMO -> new KindNav(kind, "Memos", "Short briefings on one question, for readers in a hurry.");
            case REPORT -> new KindNav(kind, "Reports", "Long-form investigations and periodic reviews.");
        };
    }

    public String path() {
        return "/" + kind.path();
    }

    public String label() {
        return kind.label();
    }
}
