package org.sitrep.newsletters;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sitrep.common.SignedTokens;
import org.sitrep.members.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The token in a newsletter's one-click unsubscribe link: the user and newsletter ids signed
 * ({@link SignedTokens}) under a server secret kept in {@code site_settings}. Nothing is stored per
 * mail (a send to 100,000 costs no rows), nobody can forge a link for someone else, and a link keeps
 * working as long as the secret does.
 */
@Component
class UnsubscribeTokens {
    /** Who a token unsubscribes from what. */
    record Unsubscribe(long userId, long newsletterId) {}

    private final SignedTokens tokens;

    UnsubscribeTokens(SiteSettings settings) {
        this.tokens = new SignedTokens(settings.secret("secret.newsletter-unsubscribe"), "newsletter-unsubscribe", 16);
    }

    String token(long userId, long newsletterId) {
        return tokens.sign(
                ByteBuffer.allocate(16).putLong(userId).putLong(newsletterId).array());
    }

    Optional<Unsubscribe> read(String token) {
        return tokens.read(token).map(b -> new Unsubscribe(b.getLong(), b.getLong()));
    }
}
