package org.sitrep.newsletters;

import java.nio.ByteBuffer;
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
 * The token in a newsletter's one-click unsubscribe link: the user and newsletter ids signed with
 * HMAC-SHA256 under a server secret kept in {@code site_settings}. Nothing is stored per mail (a
 * send to 100,000 costs no rows), nobody can forge a link for someone else, and a link keeps working
 * as long as the secret does.
 */
@Component
class UnsubscribeTokens {
    /** Who a token unsubscribes from what. */
    record Unsubscribe(long userId, long newsletterId) {}

    private static final int MAC_BYTES = 16; // 128 bits of HMAC: unguessable, and the link stays short

    private final SecretKeySpec key;

    UnsubscribeTokens(SiteSettings settings) {
        this.key = new SecretKeySpec(settings.secret("secret.newsletter-unsubscribe"), "HmacSHA256");
    }

    String token(long userId, long newsletterId) {
        ByteBuffer b = ByteBuffer.allocate(16 + MAC_BYTES).putLong(userId).putLong(newsletterId);
        b.put(mac(userId, newsletterId));
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
        if (raw.length != 16 + MAC_BYTES) return Optional.empty();
        ByteBuffer b = ByteBuffer.wrap(raw);
        long user = b.getLong();
        long newsletter = b.getLong();
        byte[] given = Arrays.copyOfRange(raw, 16, raw.length);
        return MessageDigest.isEqual(given, mac(user, newsletter)) ? Optional.of(new Unsubscribe(user, newsletter)) : Optional.empty();
    }

    private byte[] mac(long userId, long newsletterId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("newsletter-unsubscribe:".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(16).putLong(userId).putLong(newsletterId).array());
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
