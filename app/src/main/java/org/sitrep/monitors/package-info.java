/**
 * Monitors: a reader's saved tracker view with a digest of what is new or changed in it and surge alerts for its
 * areas, by e-mail. It reads events only through intel's services ({@code EventSearch}, {@code EventChanges}) and
 * sends its mails from its own send log ({@code monitor_mails}), run the way newsletters run theirs: claimed in a
 * commit before the message goes out, so a crash leaves at most the mail in hand in doubt and nobody gets one twice.
 * See docs/monitors.md.
 */
package org.sitrep.monitors;
