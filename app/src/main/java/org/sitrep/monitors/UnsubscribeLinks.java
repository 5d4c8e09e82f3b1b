package org.sitrep.monitors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sitrep.members.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The token in a monitor mail's one-click unsubscribe link, made as the newsletters' is: the monitor id and what
 * it stops (the digest, or the surge alerts) signed with HMAC-SHA256 (128 bits kept) under a secret of its own in
 * {@code site_settings}. Nothing is stored per mail; a forged or damaged token reads as nothing.
 */
@Component
class UnsubscribeLinks {
    /** What a token stops. */
    enum Stops { DIGEST, ALERTS }

    record Unsubscribe(long monitorId, Stops stops) {}

    private static final int MAC_BYTES = 16;
    private final SecretKeySpec key;

    UnsubscribeLinks(SiteSettings settings) {
        this.key = new SecretKeySpec(settings.secret("secret.monitor-unsubscribe"), "HmacSHA256");
    }

    String token(long monitorId, Stops stops) {
        ByteBuffer b = ByteBuffer.allocate(9 + MAC_BYTES).putLong(monitorId).put((byte) stops.ordinal());
        b.put(mac(monitorId, stops.ordinal()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    Optional<Unsubscribe> read(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 9 + MAC_BYTES) return Optional.empty();
        ByteBuffer b = ByteBuffer.wrap(raw);
        long monitor = b.getLong();
        int stops = b.get();
        if (stops < 0 || stops >= Stops.values().length) return Optional.empty();
        byte[] given = Arrays.copyOfRange(raw, 9, raw.length);
        return MessageDigest.isEqual(given, mac(monitor, stops)) ? Optional.of(new Unsubscribe(monitor, Stops.values()[stops])) : Optional.empty();
    }

    private byte[] mac(long monitorId, int stops) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("monitor-unsubscribe:".getBytes(StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(9).putLong(monitorId).put((byte) stops).array());
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
