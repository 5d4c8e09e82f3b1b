package org.sitrep.web;

/**
 * Who is signed in, as the site's masthead shows it: a name, where they stand, and for staff the
 * desk they work at. Built per request, never kept in a shared page.
 *
 * @param name     display name, else the email address
 * @param standing free member, subscriber or staff
 * @param deskPath staff only: where their work is ("/newsroom", "/tracker"); else null
 * @param deskName staff only: that desk's name in the navigation; else null
 */
public record SignedInReader(String name, Standing standing, String deskPath, String deskName) {
    public enum Standing {
        MEMBER("Free member"),
        SUBSCRIBER("Subscriber"),
        STAFF("Staff");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean maySubscribe() {
        return standing == Standing.MEMBER;
    }
}
