package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The one signed-token helper: links already in sent mails (made by newsletters' and monitors' own code before
 * it) still read, and forged, damaged, cross-purpose and oversized tokens read as nothing.
 */
class SignedTokensTest {
    private static final byte[] SECRET = new byte[32];

    static {
        for (int i = 0; i < 32; i++) SECRET[i] = (byte) i;
    }

    // Known answers computed outside Java (Python's hmac: base64url(payload + HMAC-SHA256(secret, purpose ":"
    // payload)[:16])),
    // the format UnsubscribeTokens and UnsubscribeLinks wrote before they shared this class.
    private static final String NEWSLETTER_42_7 = "AAAAAAAAACoAAAAAAAAAB0RTVmvJcwtfFNNKbiACJBE";
    private static final String MONITOR_1234_ALERTS = "AAAAAAAABNIBHZzFVM4IMiQ5CWsaoTOdPA";

    final SignedTokens newsletters = new SignedTokens(SECRET, "newsletter-unsubscribe", 16);
    final SignedTokens monitors = new SignedTokens(SECRET, "monitor-unsubscribe", 9);

    @Test
    void tokensInMailsAlreadySentStillRead() {
        assertThat(newsletters.sign(
                        ByteBuffer.allocate(16).putLong(42).putLong(7).array()))
                .isEqualTo(NEWSLETTER_42_7);
        ByteBuffer n = newsletters.read(NEWSLETTER_42_7).orElseThrow();
        assertThat(n.getLong()).isEqualTo(42);
        assertThat(n.getLong()).isEqualTo(7);
        assertThat(monitors.sign(
                        ByteBuffer.allocate(9).putLong(1234).put((byte) 1).array()))
                .isEqualTo(MONITOR_1234_ALERTS);
        ByteBuffer m = monitors.read(MONITOR_1234_ALERTS).orElseThrow();
        assertThat(m.getLong()).isEqualTo(1234);
        assertThat(m.get()).isEqualTo((byte) 1);
    }

    @Test
    void forgedDamagedAndMisusedTokensReadAsNothing() {
        byte[] raw = Base64.getUrlDecoder().decode(NEWSLETTER_42_7);
        raw[7] = 43; // someone else's user id, the MAC left as it was
        assertThat(newsletters.read(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)))
                .isEmpty();
        raw = Base64.getUrlDecoder().decode(NEWSLETTER_42_7);
        raw[raw.length - 1] ^= 1; // one bit of the MAC
        assertThat(newsletters.read(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)))
                .isEmpty();
        // another secret, another purpose with the same secret and length, the wrong length, not base64, too long,
        // nothing
        assertThat(new SignedTokens(new byte[32], "newsletter-unsubscribe", 16).read(NEWSLETTER_42_7))
                .isEmpty();
        assertThat(new SignedTokens(SECRET, "something-else", 16).read(NEWSLETTER_42_7))
                .isEmpty();
        assertThat(monitors.read(NEWSLETTER_42_7)).isEmpty();
        assertThat(newsletters.read(NEWSLETTER_42_7.substring(0, 30))).isEmpty();
        assertThat(newsletters.read("not*base64!")).isEmpty();
        assertThat(newsletters.read("A".repeat(5000))).isEmpty();
        assertThat(newsletters.read(null)).isEmpty();
        assertThat(newsletters.read("")).isEmpty();
    }
}
