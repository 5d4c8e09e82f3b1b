package org.sitrep.monitors;

import java.util.List;
import java.util.Optional;
import org.sitrep.intel.TrackedEvent;

/**
 * The small static map of a digest's events, as an image a mail client shows without running scripts: drawn by the
 * tracker's {@code StaticMap} ({@link StaticDigestMap}). A seam, so the digest does not depend on how maps are drawn
 * and goes out without one when none can be.
 */
interface DigestMap {
    /** An image and its MIME type. */
    record Image(byte[] bytes, String contentType) {}

    /** The map of these events, or empty when there is nothing to draw (no event has a place) or no renderer. */
    Optional<Image> draw(List<TrackedEvent> events);
}
