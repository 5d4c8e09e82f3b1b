package org.sitrep.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
@Component
public class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Ingestion ingestion;
    private final Clock clock;
    private final boolean enabled;
    /** Size and modification time of each waiting file at the last look. */
    private final Map<Path, String> lastLook = new HashMap<>();

    Inbox(SitrepProperties properties, Ingestion ingestion, Clock clock, IngestSettings settings,
          @Value("${sitrep.command:}") String command) {
        this.dir = properties.dataDir().resolve("inbox");
        this.ingestion = ingestion;
        this.clock = clock;
        this.enabled = settings.inbox() && command.isBlank();
    }

    public Path dir() {
        return dir;
    }

    @Scheduled(fixedDelayString = "${sitrep.ingest.inbox-poll:2s}", initialDelayString = "${sitrep.ingest.inbox-poll:2s}")
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
                if (!Files.isRegularFile(file) || inProgress(file.getFileName().toString())) continue;
                String look = look(file);
                if (look == null) continue;
                seen.put(file, look);
                if (!look.equals(lastLook.get(file))) continue; // new or still growing: look again next time
                reports.add(take(file));
                seen.remove(file);
            }
        } catch (IOException e) {
            log.warn("Inbox {}: {}", dir, e.toString());
        }
        lastLook.clear();
        lastLook.putAll(seen);
        return reports;
    }

    private Ingestion.Report take(Path file) {
        Ingestion.Report report = ingestion.file(file, new Intake.Origin(null, "Inbox"));
        boolean failed = report.outcomes().isEmpty() && report.failed();
        Path target = free(dir.resolve(failed ? "failed" : "done"), file.getFileName().toString());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            if (report.failed()) {
                Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                        String.join("\n", report.errors()) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            log.warn("Inbox: could not move {} to {}: {}", file, target, e.toString());
        }
        log.info("Inbox: {}: {}", file.getFileName(), report.describe());
        return report;
    }

    /** A name in done/ or failed/ that takes nothing over: the same file name may well come twice. */
    private Path free(Path folder, String name) {
        Path target = folder.resolve(name);
        if (!Files.exists(target)) return target;
        String stamp = STAMP.format(clock.instant());
        for (int i = 1; ; i++) {
            target = folder.resolve(stamp + (i == 1 ? "" : "-" + i) + "-" + name);
            if (!Files.exists(target)) return target;
        }
    }

    private static boolean inProgress(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.startsWith("~") || n.endsWith("~") || n.endsWith(".part") || n.endsWith(".tmp")
                || n.endsWith(".partial") || n.endsWith(".crdownload") || n.endsWith(".download") || n.endsWith(".swp")
                || n.endsWith(".reason.txt");
    }

    private static String look(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return Files.size(file) + "@" + modified.toMillis();
        } catch (IOException gone) {
            return null;
        }
    }
}
