package org.sitrep.ingest;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A MinHash signature of a story's word shingles: two stories whose signatures agree in a share s of
 * positions have word-shingle sets with Jaccard similarity close to s. Stop words are left out of
 * the shingles, so "said in a statement on" does not make two different stories look alike.
 * The signature is cut into {@link #BANDS} bands of {@link #ROWS}; stories sharing any band are
 * candidates (locality-sensitive hashing), so finding them is an index lookup, not a scan.
 */
final class StorySignature {
    static final int HASHES = 64;
    static final int ROWS = 2;
    static final int BANDS = HASHES / ROWS;
    static final int SHINGLE = 2;
    /** Fewer shingles than this (a one-line caption) is too little text to call anything a duplicate. */
    static final int MIN_SHINGLES = 25;

    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) SEEDS[i] = mix(x += 0x9E3779B97F4A7C15L);
    }

    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is",
            "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these",
            "those", "he", "she", "they", "we", "his", "her", "their", "our", "said", "says", "say", "which", "who",
            "whom", "whose", "what", "when", "where", "after", "before", "into", "over", "about", "than", "then",
            "there", "not", "no", "also", "would", "could", "will", "can", "may", "did", "do", "does", "s", "t", "up",
            "out", "more", "most", "some", "such", "other", "while", "during");

    private final int[] mins;

    private StorySignature(int[] mins) {
        this.mins = mins;
    }

    /** The signature of a text, or null when it is too short to compare. */
    static StorySignature of(String text) {
        Set<Long> shingles = shingles(text);
        if (shingles.size() < MIN_SHINGLES) return null;
        int[] mins = new int[HASHES];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (mix(s ^ SEEDS[i]) >>> 32);
                if (h < mins[i]) mins[i] = h;
            }
        }
        return new StorySignature(mins);
    }

    /** Estimated Jaccard similarity of the two stories' shingle sets. */
    double similarity(StorySignature other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) if (mins[i] == other.mins[i]) same++;
        return (double) same / HASHES;
    }

    /** One key per band; equal keys mean that band of the two signatures is equal. */
    long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long k = b;
            for (int r = 0; r < ROWS; r++) k = mix(k * 31 + mins[b * ROWS + r]);
            keys[b] = k;
        }
        return keys;
    }

    String encode() {
        ByteBuffer buf = ByteBuffer.allocate(HASHES * 4);
        for (int m : mins) buf.putInt(m);
        return Base64.getEncoder().withoutPadding().encodeToString(buf.array());
    }

    static StorySignature decode(String encoded) {
        if (encoded == null || encoded.isBlank()) return null;
        ByteBuffer buf;
        try {
            buf = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
        if (buf.remaining() != HASHES * 4) return null; // written by a different configuration
        int[] mins = new int[HASHES];
        for (int i = 0; i < HASHES; i++) mins[i] = buf.getInt();
        return new StorySignature(mins);
    }

    /** Hashes of runs of {@link #SHINGLE} consecutive content words. */
    static Set<Long> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        long[] kept = new long[words.length];
        int n = 0;
        for (String w : words) {
            if (w.isEmpty() || STOP.contains(w)) continue;
            kept[n++] = fnv(w);
        }
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= n; i++) {
            long h = 0xCBF29CE484222325L;
            for (int j = 0; j < SHINGLE; j++) h = mix(h ^ kept[i + j]);
            out.add(h);
        }
        return out;
    }

    private static long fnv(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
