package org.sitrep.monitors;

import java.util.List;
import java.util.Optional;
import org.sitrep.intel.TrackedEvent;
import org.springframework.stereotype.Component;

/** Until the tracker's static map renderer is in the build: digests go out without a map. */
@Component
class NoDigestMap implements DigestMap {
    @Override
    public Optional<Image> draw(List<TrackedEvent> events) {
        return Optional.empty();
    }
}
