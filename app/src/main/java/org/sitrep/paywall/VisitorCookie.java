package org.sitrep.paywall;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sitrep.members.SiteSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who an anonymous visitor is, for the meter: a random id in a cookie signed with HMAC-SHA256
 * under a server secret (made on first start, kept in the database). A cookie that fails the
 * check is ignored and the visitor gets a new id, so forging or editing it buys nothing.
 */
@Component
class VisitorCookie {
    static final String NAME = "sitrep_visitor";
    private static final Duration MAX_AGE = Duration.ofDays(400);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /**
     * Per thread: the shared SecureRandom and a Mac per call both cost more than the page itself
     * once it is cached (a lock on /dev/urandom; a provider look-up and key set-up per signature).
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** A visitor id, and whether it was made for this request (a visitor who has read nothing yet). */
    record Visitor(String id, boolean isNew) {}

    private final SiteSettings settings;
    private volatile byte[] key;

    VisitorCookie(SiteSettings settings) {
        this.settings = settings;
    }

    /** The visitor's id from a valid cookie, or a new id (set on the response). */
    Visitor visitor(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName())) {
                    String id = verified(c.getValue());
                    if (id != null) return new Visitor(id, false);
                }
            }
        }
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        // Written out rather than by ResponseCookie, whose Expires date costs more to format than the
        // page does to serve; Max-Age alone is the standard (RFC 6265) and every browser honours it.
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                NAME + "=" + id + "." + sign(id) + "; Path=/; Max-Age=" + MAX_AGE.toSeconds()
                        + (request.isSecure() ? "; Secure" : "") + "; HttpOnly; SameSite=Lax");
        return new Visitor(id, true);
    }

    /** The id in a cookie value "id.signature", or null when it is malformed or the signature is wrong. */
    String verified(String value) {
        if (value == null || value.length() > 200) return null;
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1) return null;
        String id = value.substring(0, dot);
        if (!ID.matcher(id).matches()) return null;
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? id : null;
    }

    String sign(String id) {
        // doFinal leaves the Mac reset, keyed, for the thread's next signature.
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(macs.get().doFinal(id.getBytes(StandardCharsets.US_ASCII)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) key = k = settings.secret("secret.visitor-cookie");
        return k;
    }
}
