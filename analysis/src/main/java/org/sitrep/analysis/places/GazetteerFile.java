package org.sitrep.analysis.places;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact gazetteer file: gzip of a counted list of {@link GazetteerEntry} in Java's data format.
 * Both the bundled worldwide gazetteer and {@code sitrep gazetteer import} write it; it loads in
 * about a second.
 */
public final class GazetteerFile {
    static final int MAGIC = 0x53474132; // "SGA2"

    private GazetteerFile() {}

    public static void write(List<GazetteerEntry> entries, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(entries, os);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static void write(List<GazetteerEntry> entries, OutputStream os) throws IOException {
        DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16), 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(entries.size());
        for (GazetteerEntry e : entries) {
            out.writeLong(e.id());
            out.writeUTF(e.name());
            out.writeFloat((float) e.lat());
            out.writeFloat((float) e.lon());
            out.writeUTF(e.featureCode());
            out.writeUTF(e.country());
            out.writeUTF(e.admin1() == null ? "" : e.admin1());
            out.writeLong(e.population());
            // Lookup keys, not names: folding a million names takes seconds, reading them doesn't.
            Keys keys = Keys.of(e);
            writeKeys(out, keys.exact());
            writeKeys(out, keys.skeleton());
        }
        out.close(); // finishes the gzip stream
    }

    private static void writeKeys(DataOutputStream out, List<String> keys) throws IOException {
        int n = Math.min(keys.size(), Short.MAX_VALUE);
        out.writeShort(n);
        for (int i = 0; i < n; i++) out.writeUTF(keys.get(i));
    }

    private static List<String> readKeys(DataInputStream in) throws IOException {
        int n = in.readShort();
        List<String> keys = new ArrayList<>(n);
        for (int j = 0; j < n; j++) keys.add(in.readUTF());
        return keys;
    }

    /** An entry's lookup keys: exact keys of its name and alternate names, and their skeletons. */
    public record Keys(List<String> exact, List<String> skeleton) {
        public static Keys of(GazetteerEntry e) {
            java.util.Set<String> ex = new java.util.LinkedHashSet<>(), sk = new java.util.LinkedHashSet<>();
            add(e.name(), ex, sk);
            for (String alt : e.alternateNames()) add(alt, ex, sk);
            return new Keys(List.copyOf(ex), List.copyOf(sk));
        }

        private static void add(String name, java.util.Set<String> ex, java.util.Set<String> sk) {
            List<String> words = NameKey.words(name);
            if (words.isEmpty()) return;
            ex.add(String.join(" ", words));
            String s = NameKey.skeletonOf(words);
            if (s != null) sk.add(s);
        }
    }

    /** Receives each entry read and its lookup keys. */
    public interface Sink {
        void accept(GazetteerEntry entry, Keys keys);
    }

    /** Streams the entries of a compact file to {@code sink}; fails clearly on a file of another kind. */
    public static void read(InputStream is, Consumer<GazetteerEntry> sink) throws IOException {
        read(is, (e, k) -> sink.accept(e));
    }

    /** Streams the entries (without alternate names: only their keys are stored) and their keys. */
    public static void read(InputStream is, Sink sink) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException("not a Sitrep gazetteer file");
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            long id = in.readLong();
            String name = in.readUTF();
            double lat = in.readFloat();
            double lon = in.readFloat();
            String code = in.readUTF().intern();
            String country = in.readUTF().intern();
            String admin1 = in.readUTF().intern();
            long population = in.readLong();
            Keys keys = new Keys(readKeys(in), readKeys(in));
            sink.accept(new GazetteerEntry(id, name, lat, lon, code, country, admin1, population, List.of()), keys);
        }
    }

    public static List<GazetteerEntry> readAll(Path file) throws IOException {
        List<GazetteerEntry> out = new ArrayList<>();
        try (InputStream is = Files.newInputStream(file)) {
            read(is, (Consumer<GazetteerEntry>) out::add);
        }
        return out;
    }
}
