package org.sitrep.monitors;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sitrep.common.SignedTokens;
import org.sitrep.members.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The token in a monitor mail's one-click unsubscribe link: the monitor id and what it stops (the digest, or the
 * surge alerts), signed as the newsletters' are ({@link SignedTokens}) under a secret of its own in
 * {@code site_settings}. Nothing is stored per mail; a forged or damaged token reads as nothing.
 */
@Component
class UnsubscribeLinks {
    /** What a token stops. */
    enum Stops {
        DIGEST,
        ALERTS
    }

    record Unsubscribe(long monitorId, Stops stops) {}

    private final SignedTokens tokens;

    UnsubscribeLinks(SiteSettings settings) {
        this.tokens = new SignedTokens(settings.secret("secret.monitor-unsubscribe"), "monitor-unsubscribe", 9);
    }

    String token(long monitorId, Stops stops) {
        return tokens.sign(ByteBuffer.allocate(9)
                .putLong(monitorId)
                .put((byte) stops.ordinal())
                .array());
    }

    Optional<Unsubscribe> read(String token) {
        return tokens.read(token).flatMap(b -> {
            long monitor = b.getLong();
            int stops = b.get();
            return stops < 0 || stops >= Stops.values().length
                    ? Optional.empty()
                    : Optional.of(new Unsubscribe(monitor, Stops.values()[stops]));
        });
    }
}
