package org.sitrep.monitors;

import java.util.List;
import java.util.Optional;
import org.sitrep.intel.TrackedEvent;
import org.sitrep.tracker.StaticMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The digest's map, drawn by the tracker's {@link StaticMap} from the offline basemap: the located events listed, in
 * their type's colour and letter, as a PNG (mail clients show PNG; many strip SVG). A map that cannot be drawn is
 * left out and the digest goes without it.
 */
@Component
class StaticDigestMap implements DigestMap {
    private static final Logger log = LoggerFactory.getLogger(StaticDigestMap.class);
    static final int WIDTH = 600, HEIGHT = 375;

    private final StaticMap maps;

    StaticDigestMap(StaticMap maps) {
        this.maps = maps;
    }

    @Override
    public Optional<Image> draw(List<TrackedEvent> events) {
        List<StaticMap.Point> points = events.stream()
                .filter(TrackedEvent::located)
                .map(e -> new StaticMap.Point(e.latitude(), e.longitude(), e.eventType()))
                .toList();
        if (points.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new Image(
                    maps.draw(points, null, "Events in this digest", WIDTH, HEIGHT)
                            .png(),
                    "image/png"));
        } catch (RuntimeException e) {
            log.warn("A digest's map could not be drawn ({}); sent without it", e.getMessage());
            return Optional.empty();
        }
    }
}
