package org.sitrep.newsroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people in bylines: name, address (slug), bio and portrait. */
@Service
public class AuthorDesk {
    private final JdbcClient jdbc;
    private final PieceCatalog catalog;

    public AuthorDesk(JdbcClient jdbc, PieceCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<Author> all() {
        List<Long> ids = jdbc.sql("SELECT id FROM authors ORDER BY name")
                .query(Long.class)
                .list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<Author> find(long id) {
        Optional<String> slug = jdbc.sql("SELECT slug FROM authors WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
        return slug.flatMap(catalog::findAuthor);
    }

    /**
     * Adds ({@code id == null}) or updates an author. Refuses an empty name, a taken slug or an
     * unknown photo with one message per field; nothing is stored then.
     */
    @Transactional
    public long save(Long id, String name, String slug, String bio, String photoId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) errors.put("name", "Write the author's name.");
        else if (n.length() > 200) errors.put("name", "Keep the name under 200 characters.");
        String s = Slug.of(slug == null || slug.isBlank() ? n : slug);
        if (s.isEmpty() && !errors.containsKey("name"))
            errors.put("slug", "The web address needs some letters or digits.");
        else if (!s.isEmpty()
                && jdbc.sql("SELECT COUNT(*) FROM authors WHERE slug = :slug AND id <> :id")
                                .param("slug", s)
                                .param("id", id == null ? -1 : id)
                                .query(Long.class)
                                .single()
                        > 0) {
            errors.put("slug", "Another author already has the address “" + s + "”.");
        }
        String b = bio == null ? "" : bio.strip();
        if (b.length() > 4000) errors.put("bio", "Keep the bio under 4,000 characters.");
        Long photo = null;
        if (photoId != null && !photoId.isBlank()) {
            try {
                photo = Long.parseLong(photoId.strip());
                if (jdbc.sql("SELECT COUNT(*) FROM photos WHERE id = :id")
                                .param("id", photo)
                                .query(Long.class)
                                .single()
                        == 0) {
                    errors.put("photoId", "That photo is not in the library.");
                }
            } catch (NumberFormatException e) {
                errors.put("photoId", "Choose a photo from the library.");
            }
        }
        if (!errors.isEmpty()) throw new InvalidForm(errors);
        try {
            if (id == null) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO authors (slug, name, bio, photo_id) VALUES (:slug, :name, :bio, :photo)")
                        .param("slug", s)
                        .param("name", n)
                        .param("bio", b.isEmpty() ? null : b)
                        .param("photo", photo)
                        .update(key, "id");
                return key.getKey().longValue();
            }
            int updated = jdbc.sql(
                            "UPDATE authors SET slug = :slug, name = :name, bio = :bio, photo_id = :photo WHERE id = :id")
                    .param("slug", s)
                    .param("name", n)
                    .param("bio", b.isEmpty() ? null : b)
                    .param("photo", photo)
                    .param("id", id)
                    .update();
            if (updated == 0) throw new InvalidForm(Map.of("name", "That author no longer exists."));
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidForm(Map.of("slug", "Another author already has the address “" + s + "”."));
        }
    }
}
