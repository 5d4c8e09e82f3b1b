package org.sitrep.newsroom;

import java.util.List;

/**
 * An image in the media library with the metadata a wire photo carries.
 * {@code renditions} are resized copies, smallest first, for {@code srcset}.
 */
public record Photo(
        long id,
        String storageKey,
        String contentType,
        int width,
        int height,
        String caption,
        String credit,
        String pictureId,
        List<String> keywords,
        String altText,
        List<Rendition> renditions) {

    public record Rendition(int width, int height, String fileName) {}

    /** The same photo captioned in another language (a translation's own caption). */
    public Photo withCaption(String translated) {
        return new Photo(
                id,
                storageKey,
                contentType,
                width,
                height,
                translated,
                credit,
                pictureId,
                keywords,
                altText,
                renditions);
    }

    /** Public URL of the uploaded original. */
    public String url() {
        return "/media/" + storageKey + extension();
    }

    /** Public URL of a rendition file. */
    public static String renditionUrl(Rendition r) {
        return "/media/" + r.fileName();
    }

    /** The smallest rendition (or the original when there is none): for lists and thumbnails. */
    public String thumbnailUrl() {
        return renditions.isEmpty() ? url() : renditionUrl(renditions.get(0));
    }

    /** "url 480w, url 960w" for the {@code srcset} attribute. */
    public String srcset() {
        StringBuilder sb = new StringBuilder();
        for (Rendition r : renditions) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(renditionUrl(r)).append(' ').append(r.width()).append('w');
        }
        return sb.toString();
    }

    private String extension() {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }
}
