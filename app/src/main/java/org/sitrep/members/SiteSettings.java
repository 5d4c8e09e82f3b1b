package org.sitrep.members;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named settings the publisher changes without code (the paywall's wording, free pieces per month),
 * in the {@code site_settings} table, and server secrets made on first start.
 */
@Service
public class SiteSettings {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public SiteSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String name) {
        return jdbc.sql("SELECT setting_value FROM site_settings WHERE name = :n")
                .param("n", name)
                .query(String.class)
                .optional();
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int getInt(String name, int fallback) {
        try {
            return get(name).map(String::trim).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** All settings whose names start with {@code prefix}, by name. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> all = new LinkedHashMap<>();
        jdbc.sql("SELECT name, setting_value FROM site_settings WHERE name LIKE :p ORDER BY name")
                .param("p", prefix + "%")
                .query((rs, n) -> all.put(rs.getString(1), rs.getString(2)))
                .list();
        return all;
    }

    @Transactional
    public void put(String name, String value) {
        int updated = jdbc.sql("UPDATE site_settings SET setting_value = :v WHERE name = :n")
                .param("v", value)
                .param("n", name)
                .update();
        if (updated == 0)
            jdbc.sql("INSERT INTO site_settings (name, setting_value) VALUES (:n, :v)")
                    .param("n", name)
                    .param("v", value)
                    .update();
    }

    /**
     * A 256-bit secret kept under {@code name}, made on first use. Two instances starting together
     * both try to insert; the loser reads the winner's, so every instance signs with the same key.
     */
    public byte[] secret(String name) {
        Optional<String> existing = get(name);
        if (existing.isEmpty()) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO site_settings (name, setting_value) VALUES (:n, :v)")
                        .param("n", name)
                        .param("v", Base64.getEncoder().encodeToString(fresh))
                        .update();
            } catch (DuplicateKeyException raced) {
                // another instance made it first: use theirs
            }
            existing = get(name);
        }
        return Base64.getDecoder().decode(existing.orElseThrow());
    }
}
