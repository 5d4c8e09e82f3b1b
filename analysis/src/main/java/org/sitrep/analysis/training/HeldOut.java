package org.sitrep.analysis.training;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Which passages train the model and which measure it. With passages in {@code heldout/} (written apart
 * from the training split) those measure it and every training passage trains. Without, a fixed fifth of
 * the training passages, chosen by a checksum of the id, stands in for them and is left out of training:
 * a development stand-in, and the evaluation page says so.
 */
public record HeldOut(List<Passage> train, List<Passage> test, boolean byHash) {

    public static HeldOut of(TrainingCorpus train, TrainingCorpus heldout) {
        if (heldout.size() > 0) return new HeldOut(train.passages(), heldout.passages(), false);
        List<Passage> in = new ArrayList<>();
        List<Passage> out = new ArrayList<>();
        for (Passage p : train.passages()) (byHash(p.id()) ? out : in).add(p);
        return new HeldOut(List.copyOf(in), List.copyOf(out), true);
    }

    public static HeldOut of(Path corpus) {
        return of(TrainingCorpus.load(corpus.resolve("train")), TrainingCorpus.load(corpus.resolve("heldout")));
    }

    /** One id in five, the same on every machine. */
    static boolean byHash(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    public int size() {
        return test.size();
    }

    public String description() {
        return byHash
                ? "a fifth of analysis/corpus/train chosen by a checksum of the id (no heldout/ passages yet)"
                : "analysis/corpus/heldout";
    }
}
