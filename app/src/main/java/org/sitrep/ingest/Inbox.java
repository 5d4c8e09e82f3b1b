package org.sitrep.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sitrep.common.JobLeases;
import org.sitrep.common.RunMode;
import org.sitrep.common.SitrepProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The hot folder {@code <data>/inbox}, the way newsrooms take wire content: a file dropped in is
 * ingested once it has stopped growing (same size and time at two looks in a row; names of files
 * still being written, {@code .part}, {@code .tmp}, {@code ~} and dot files, are left alone),
 * then moved to {@code inbox/done/}, or to {@code inbox/failed/} with a {@code .reason.txt} beside
 * it. A file is moved only after it was taken in, and taking it in again is a no-op, so a crash
 * between the two neither loses nor doubles it.
 * <p>
 * Only regular files inside the folder are read, and never through a link: a symbolic link (to a
 * file elsewhere on the machine, which would then be shown to analysts), a pipe or a device is
 * moved to {@code failed/} unread, with one error. Names are shortened to fit the file system when
 * a time stamp is added; and a file that cannot be moved at all is taken in once and then left
 * alone, with one error, instead of being taken in again at every look.
 */
@Component
public class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Longest file name kept, in UTF-8 bytes: 255 (the usual limit) less room for {@code .reason.txt}. */
    static final int MAX_NAME_BYTES = 255 - ".reason.txt".length();

    private final Path dir;
    private final Ingestion ingestion;
    private final IngestErrors errors;
    private final Clock clock;
    private final boolean enabled;
    /** Size and modification time of each waiting file at the last look. */
    private final Map<Path, String> lastLook = new HashMap<>();
    /** Files that could be neither moved nor quarantined, with their look then: left alone until they change. */
    private final Map<Path, String> stuck = new HashMap<>();

    Inbox(
            SitrepProperties properties,
            Ingestion ingestion,
            IngestErrors errors,
            Clock clock,
            IngestSettings settings,
            RunMode mode,
            @Value("${sitrep.ingest.inbox-dir:}") String sharedDir) {
        // Several instances watch one shared folder (sitrep.ingest.inbox-dir); the job's lease lets one scan at a time.
        this.dir = sharedDir.isBlank() ? properties.dataDir().resolve("inbox") : Path.of(sharedDir);
        this.ingestion = ingestion;
        this.errors = errors;
        this.clock = clock;
        this.enabled = settings.inbox() && mode.server();
    }

    public Path dir() {
        return dir;
    }

    @Scheduled(
            fixedDelayString = "${sitrep.ingest.inbox-poll:2s}",
            initialDelayString = "${sitrep.ingest.inbox-poll:2s}")
    @SchedulerLock(name = "ingest.inbox", lockAtMostFor = JobLeases.LEASE)
    void scheduled() {
        if (!enabled) return;
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("Inbox: {}", e.toString());
        }
    }

    /** Takes in every file that has stopped changing since the last look; returns the reports. */
    public synchronized List<Ingestion.Report> scan() {
        List<Ingestion.Report> reports = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve("done"));
            Files.createDirectories(dir.resolve("failed"));
        } catch (IOException e) {
            log.warn("Inbox {} cannot be used: {}", dir, e.toString());
            return reports;
        }
        Map<Path, String> seen = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                // The inbox's own folders may be links to another disk: an administrator's choice, not an input.
                if (inProgress(name) || name.equals("done") || name.equals("failed")) continue;
                BasicFileAttributes attributes = attributes(file);
                // Folders (done/, failed/ and any other) are not inputs; everything else is judged below.
                if (attributes == null || attributes.isDirectory()) continue;
                String look =
                        attributes.size() + "@" + attributes.lastModifiedTime().toMillis()
                                + (attributes.isRegularFile() ? "" : attributes.isSymbolicLink() ? "@link" : "@other");
                if (look.equals(stuck.get(file))) continue;
                seen.put(file, look);
                if (!look.equals(lastLook.get(file))) continue; // new or still growing: look again next time
                reports.add(attributes.isRegularFile() ? take(file, look) : refuse(file, attributes, look));
                seen.remove(file);
            }
        } catch (IOException e) {
            log.warn("Inbox {}: {}", dir, e.toString());
        }
        stuck.keySet().removeIf(f -> !Files.exists(f, LinkOption.NOFOLLOW_LINKS));
        lastLook.clear();
        lastLook.putAll(seen);
        return reports;
    }

    private Ingestion.Report take(Path file, String look) {
        // Never through a link: the file could have been swapped for one since it was looked at.
        Ingestion.Report report = ingestion.file(file, new Intake.Origin(null, "Inbox"), LinkOption.NOFOLLOW_LINKS);
        boolean failed = report.outcomes().isEmpty() && report.failed();
        moveOut(file, failed ? "failed" : "done", report.failed() ? report.errors() : List.of(), look);
        log.info("Inbox: {}: {}", file.getFileName(), report.describe());
        return report;
    }

    /** A link, pipe, socket or device: not read, moved to failed/ (the link itself, not what it points to). */
    private Ingestion.Report refuse(Path file, BasicFileAttributes attributes, String look) {
        String name = file.getFileName().toString();
        String reason = attributes.isSymbolicLink()
                ? "a symbolic link, not a file: not taken in (only files inside the inbox are read, never through a link)"
                : "not a regular file (a pipe, socket or device): not taken in";
        errors.record(null, "Inbox", name, reason);
        moveOut(file, "failed", List.of(reason), look);
        log.warn("Inbox: {}: {}", name, reason);
        return new Ingestion.Report(name, List.of(), List.of(reason));
    }

    /**
     * Moves a file that was looked at out of the inbox, to {@code folder} with the reasons beside it;
     * when that fails, to {@code failed/} under a short name; when that fails too, it stays, and is
     * not taken in again until it changes.
     */
    private void moveOut(Path file, String folder, List<String> reasons, String look) {
        String name = file.getFileName().toString();
        Path target = free(dir.resolve(folder), name);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            if (!reasons.isEmpty()) writeReason(target, reasons);
            return;
        } catch (IOException e) {
            log.warn("Inbox: could not move {} to {}: {}", file, target, e.toString());
        }
        Path quarantine = free(dir.resolve("failed"), "quarantined.bin");
        List<String> why = new ArrayList<>(reasons);
        why.add("arrived as: " + name);
        try {
            Files.move(file, quarantine, StandardCopyOption.ATOMIC_MOVE);
            writeReason(quarantine, why);
            errors.record(
                    null,
                    "Inbox",
                    name,
                    "could not be moved to inbox/" + folder + "; quarantined as failed/" + quarantine.getFileName());
        } catch (IOException e) {
            stuck.put(file, look);
            errors.record(
                    null,
                    "Inbox",
                    name,
                    "could not be moved out of the inbox (" + e.getClass().getSimpleName()
                            + "); left there and not taken in again until it changes");
        }
    }

    private static void writeReason(Path target, List<String> reasons) {
        try {
            Files.writeString(
                    target.resolveSibling(target.getFileName() + ".reason.txt"),
                    String.join("\n", reasons) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Inbox: could not write the reason beside {}: {}", target, e.toString());
        }
    }

    /**
     * A name in done/ or failed/ that takes nothing over (the same file name may well come twice),
     * short enough for the file system with a time stamp and {@code .reason.txt} added.
     */
    private Path free(Path folder, String name) {
        Path target = folder.resolve(fitted("", name));
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return target;
        String stamp = STAMP.format(clock.instant());
        for (int i = 1; ; i++) {
            target = folder.resolve(fitted(stamp + (i == 1 ? "" : "-" + i) + "-", name));
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return target;
        }
    }

    /** {@code prefix + name}, the name cut in its middle (its extension kept) to fit {@link #MAX_NAME_BYTES}. */
    static String fitted(String prefix, String name) {
        if (utf8(prefix + name) <= MAX_NAME_BYTES) return prefix + name;
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        int budget = MAX_NAME_BYTES - utf8(prefix) - utf8(ext) - 1;
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (utf8(cut.toString()) + utf8(c) > budget) break;
            cut.append(c);
            i += Character.charCount(cp);
        }
        return prefix + cut + "~" + ext;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return null;
        }
    }

    private static boolean inProgress(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".")
                || n.startsWith("~")
                || n.endsWith("~")
                || n.endsWith(".part")
                || n.endsWith(".tmp")
                || n.endsWith(".partial")
                || n.endsWith(".crdownload")
                || n.endsWith(".download")
                || n.endsWith(".swp")
                || n.endsWith(".reason.txt");
    }
}
