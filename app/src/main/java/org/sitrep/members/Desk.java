package org.sitrep.members;

/** Where staff work, by role: where they land after signing in and what the masthead links to. */
public final class Desk {
    private Desk() {}

    /** The desk's path for a staff role; null for readers. */
    public static String of(Role role) {
        return switch (role) {
            case EDITOR, ADMIN -> "/newsroom";
            case ANALYST -> "/tracker";
            default -> null;
        };
    }

    static String name(Role role) {
        return role == Role.ANALYST ? "Tracker" : "Newsroom";
    }

    /** The desk for a set of Spring Security authorities ("ROLE_EDITOR"…); null for readers. */
    static String ofAuthorities(
            java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities) {
        for (Role r : new Role[] {Role.ADMIN, Role.EDITOR, Role.ANALYST}) {
            if (authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + r.name()))) return of(r);
        }
        return null;
    }
}
