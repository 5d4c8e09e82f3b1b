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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sitrep.members.SiteSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Who an anonymous visitor is, for the meter: a random id in a cookie signed with HMAC-SHA256
 * under a server secret (made on first start, kept in the database). A cookie that fails the
 * check is ignored and the visitor gets a new id, so forging or editing it buys nothing.
 */
@Component
class VisitorCookie {
    static final String NAME = "sitrep_visitor";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration MAX_AGE = Duration.ofDays(400);

    private final SiteSettings settings;
    private volatile byte[] key;

    VisitorCookie(SiteSettings settings) {
        this.settings = settings;
    }

    /** The visitor's id from a valid cookie, or a new id (set on the response). */
    String visitor(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName())) {
                    String id = verified(c.getValue());
                    if (id != null) return id;
                }
            }
        }
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ResponseCookie cookie = ResponseCookie.from(NAME, id + "." + sign(id)).httpOnly(true).sameSite("Lax")
                .secure(request.isSecure()).path("/").maxAge(MAX_AGE).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return id;
    }

    /** The id in a cookie value "id.signature", or null when it is malformed or the signature is wrong. */
    String verified(String value) {
        if (value == null || value.length() > 200) return null;
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1) return null;
        String id = value.substring(0, dot);
        if (!id.matches("[A-Za-z0-9_-]{16,64}")) return null;
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? id : null;
    }

    String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
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
