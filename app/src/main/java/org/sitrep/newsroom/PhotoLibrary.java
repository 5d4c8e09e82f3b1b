package org.sitrep.newsroom;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.sitrep.common.SitrepProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The newsroom's pictures: takes JPEG and PNG uploads, reads the caption, credit, keywords and
 * picture id they carry (IPTC/XMP), keeps the original under {@code <data>/media} and writes resized
 * renditions beside it for {@code srcset}.
 */
@Service
public class PhotoLibrary {
    /** Bigger images are refused before decoding: a few KB of PNG can claim gigabytes of pixels. */
    static final long MAX_PIXELS = 50_000_000L;

    private final JdbcClient jdbc;
    private final PieceCatalog catalog;
    private final Path mediaDir;
    private final Clock clock;
    private final long maxBytes;

    public PhotoLibrary(
            JdbcClient jdbc,
            PieceCatalog catalog,
            SitrepProperties properties,
            Clock clock,
            @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxUpload) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.mediaDir = properties.mediaDir();
        this.clock = clock;
        this.maxBytes = maxUpload.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Stores an upload with the metadata it carries; the editor then checks and completes it. */
    @Transactional
    public Photo upload(byte[] bytes, String originalName) {
        return store(bytes, originalName, null);
    }

    /** Stores an image with the given texts instead of what it carries (sample illustrations). */
    @Transactional
    public Photo upload(byte[] bytes, String originalName, EmbeddedMetadata texts) {
        return store(bytes, originalName, texts);
    }

    /** Saves what the editor wrote on the photo form. */
    @Transactional
    public void describe(long id, String caption, String credit, String pictureId, String keywords, String altText) {
        int n = jdbc.sql("UPDATE photos SET caption = :caption, credit = :credit, picture_id = :pid, keywords = :kw, "
                        + "alt_text = :alt WHERE id = :id")
                .param("caption", limit(caption, 2000))
                .param("credit", limit(credit, 300))
                .param("pid", limit(pictureId, 200))
                .param("kw", limit(keywords, 2000))
                .param("alt", limit(altText, 500))
                .param("id", id)
                .update();
        if (n == 0) throw new PhotoRejected("That photo is not in the library.");
    }

    public Optional<Photo> find(long id) {
        return Optional.ofNullable(catalog.photos(List.of(id)).get(id));
    }

    public List<Photo> recent(int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM photos ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(Long.class)
                .list();
        return ids.stream().map(catalog.photos(ids)::get).toList();
    }

    private Photo store(byte[] bytes, String originalName, EmbeddedMetadata texts) {
        if (bytes == null || bytes.length == 0)
            throw new PhotoRejected("The file is empty. Choose a JPEG or PNG image.");
        if (bytes.length > maxBytes) {
            throw new PhotoRejected("The file is too large (" + megabytes(bytes.length) + "); the limit is "
                    + megabytes(maxBytes) + ".");
        }
        Decoded image = decode(bytes);
        EmbeddedMetadata meta = texts != null ? texts : EmbeddedMetadata.read(bytes);
        String key = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String ext = image.png ? "png" : "jpg";
        List<Path> written = new ArrayList<>();
        // Files go first; if the database refuses the row, the transaction rolls back and they are removed.
        registerCleanup(written);
        try {
            Files.createDirectories(mediaDir);
            written.add(write(mediaDir.resolve(key + "." + ext), bytes));
            GeneratedKeyHolder id = new GeneratedKeyHolder();
            jdbc.sql(
                            "INSERT INTO photos (storage_key, original_filename, content_type, width, height, caption, credit, "
                                    + "picture_id, keywords, created_at) VALUES (:key, :name, :type, :w, :h, :caption, :credit, :pid, :kw, :now)")
                    .param("key", key)
                    .param("name", limit(originalName, 255))
                    .param("type", image.png ? "image/png" : "image/jpeg")
                    .param("w", image.pixels.getWidth())
                    .param("h", image.pixels.getHeight())
                    .param("caption", limit(meta.caption(), 2000))
                    .param("credit", limit(meta.credit(), 300))
                    .param("pid", limit(meta.pictureId(), 200))
                    .param("kw", limit(String.join(", ", meta.keywords()), 2000))
                    .param("now", PieceEditor.utc(clock.instant()))
                    .update(id, "id");
            long photoId = id.getKey().longValue();
            for (int width : Renditions.widthsFor(image.pixels.getWidth())) {
                BufferedImage scaled = Renditions.scale(image.pixels, width);
                String file = key + "-" + width + "." + ext;
                Path target = mediaDir.resolve(file);
                Path tmp = Files.createTempFile(mediaDir, key, ".tmp");
                if (!ImageIO.write(scaled, image.png ? "png" : "jpg", tmp.toFile())) {
                    Files.deleteIfExists(tmp);
                    throw new PhotoRejected("This image could not be resized.");
                }
                written.add(Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING));
                jdbc.sql("INSERT INTO photo_renditions (photo_id, width, height, file_name) VALUES (:id, :w, :h, :f)")
                        .param("id", photoId)
                        .param("w", scaled.getWidth())
                        .param("h", scaled.getHeight())
                        .param("f", file)
                        .update();
            }
            return find(photoId).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the media directory " + mediaDir, e);
        }
    }

    private record Decoded(BufferedImage pixels, boolean png) {}

    /** JPEG or PNG by content, not by file name; anything else, or a broken file, is refused. */
    private static Decoded decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new PhotoRejected("This file is not a JPEG or PNG image.");
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                boolean png = format.equals("png");
                if (!png && !format.equals("jpeg"))
                    throw new PhotoRejected("Only JPEG and PNG images can be uploaded (this is " + format + ").");
                reader.setInput(in, true, true);
                // ImageIO paints a cut-off JPEG grey and only warns; a damaged file must be refused instead.
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) throw new PhotoRejected("The image is too large (over 50 megapixels).");
                BufferedImage image = reader.read(0);
                if (image.getWidth() < 1 || image.getHeight() < 1) throw new PhotoRejected("The image is empty.");
                if (!warnings.isEmpty()) throw new IllegalStateException("damaged: " + warnings);
                return new Decoded(png ? image : Renditions.upright(image, exifOrientation(bytes)), png);
            } finally {
                reader.dispose();
            }
        } catch (PhotoRejected e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new PhotoRejected(
                    "This image is damaged or incomplete and could not be read. Try exporting it again as JPEG or PNG.");
        }
    }

    /** Cameras store pixels sideways and say so in EXIF; renditions carry no EXIF, so they are turned upright. */
    private static int exifOrientation(byte[] bytes) {
        try {
            com.drew.metadata.Metadata m =
                    com.drew.imaging.ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            com.drew.metadata.exif.ExifIFD0Directory exif =
                    m.getFirstDirectoryOfType(com.drew.metadata.exif.ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // no readable EXIF: take the pixels as they are
        }
        return 1;
    }

    private static void registerCleanup(List<Path> written) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) return;
                for (Path p : written) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        /* best effort */
                    }
                }
            }
        });
    }

    private static Path write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
        Files.write(tmp, bytes);
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String limit(String s, int max) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty()) return null;
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
