package org.sitrep.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for links in mails that must need no stored row per mail (one-click unsubscribe from a newsletter,
 * a monitor's digest or alerts): a short payload of fixed length, followed by its HMAC-SHA256 under a server
 * secret (128 bits kept: unguessable, and the link stays short), base64url without padding. The MAC covers
 * {@code purpose + ":"} before the payload, so a token made for one purpose is worthless for another even
 * under the same secret. A forged, damaged or oversized token reads as nothing, never as an error.
 *
 * <p>This is exactly the format newsletters and monitors each wrote on their own before, so the links in mails
 * already sent keep working.
 */
public final class SignedTokens {
    private static final int MAC_BYTES = 16;
    private static final int LONGEST =
            100; // characters: far above any payload here, bounds the work a forged link costs

    private final SecretKeySpec key;
    private final byte[] purpose;
    private final int payloadBytes;

    /** Tokens for {@code purpose} carrying exactly {@code payloadBytes} bytes, signed with {@code secret}. */
    public SignedTokens(byte[] secret, String purpose, int payloadBytes) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.purpose = (purpose + ":").getBytes(StandardCharsets.US_ASCII);
        this.payloadBytes = payloadBytes;
    }

    /** The token for this payload (of the length given at construction). */
    public String sign(byte[] payload) {
        if (payload.length != payloadBytes)
            throw new IllegalArgumentException("payload is " + payloadBytes + " bytes, not " + payload.length);
        byte[] out = Arrays.copyOf(payload, payloadBytes + MAC_BYTES);
        System.arraycopy(mac(payload), 0, out, payloadBytes, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The payload of a genuine token, positioned at its start; empty for anything else. */
    public Optional<ByteBuffer> read(String token) {
        if (token == null || token.length() > LONGEST) return Optional.empty();
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != payloadBytes + MAC_BYTES) return Optional.empty();
        byte[] payload = Arrays.copyOf(raw, payloadBytes);
        byte[] given = Arrays.copyOfRange(raw, payloadBytes, raw.length);
        return MessageDigest.isEqual(given, mac(payload))
                ? Optional.of(ByteBuffer.wrap(payload).asReadOnlyBuffer())
                : Optional.empty();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose);
            mac.update(payload);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
