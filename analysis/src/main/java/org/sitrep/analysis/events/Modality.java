package org.sitrep.analysis.events;

import java.util.List;
import org.sitrep.analysis.events.TriggerLexicon.Cue;

/** How sure the text is that an action happened: negation, future, threats and demands cancel it; hedges lower it. */
final class Modality {
    private static final int CUE_WINDOW = 8;

    private final TriggerLexicon lex;

    Modality(TriggerLexicon lex) {
        this.lex = lex;
    }

    /** "to retake": an infinitive of purpose, unless after "managed to", "went on to". */
    boolean purpose(List<Tok> toks, String[] stems, int i) {
        if (i < 2 || !toks.get(i - 1).lower().equals("to")) return false;
        if (lex.inGroup("realised", stems[i - 2])) return false;
        return lex.cueAt(stems, i - 2) == null && (i < 3 || lex.cueAt(stems, i - 3) == null); // hedges decide alone
    }

    double sentenceWideFactor(String[] stems) {
        double f = 1.0;
        for (int k = 0; k < stems.length; k++) {
            Cue c = lex.cueAt(stems, k);
            if (c != null && c.sentenceWide()) f = Math.min(f, c.factor());
        }
        return f;
    }

    /** Cues in the few words before the trigger, within its clause. */
    double cueFactor(List<Tok> toks, String[] stems, int i) {
        double f = 1.0;
        for (int k = i - 1; k >= 0; k--) {
            String w = toks.get(k).lower();
            if (w.equals(",")
                    || w.equals(";")
                    || w.equals(":")
                    || w.equals("(")
                    || w.equals("\u2014")
                    || (lex.inGroup("boundary", stems[k]) && !w.equals("if") && !w.equals("unless"))) break;
            boolean near = k >= i - CUE_WINDOW;
            if (near && (w.endsWith("n't") || w.endsWith("n\u2019t"))) return 0;
            Cue c = lex.cueAt(stems, k);
            if (c == null || c.sentenceWide() || k + c.stems().length > i) continue;
            if (near || c.wholeClause()) f = Math.min(f, c.factor());
        }
        return f;
    }
}
