package org.sitrep.ingest;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest settings ({@code sitrep.ingest.*}).
 *
 * @param maxBytes            largest page, feed or file taken in (and kept as raw copy)
 * @param connectTimeout      for fetching feeds and pages: longest wait for a connection
 * @param readTimeout         longest silence while waiting for the answer or reading its body
 * @param fetchTimeout        the whole fetch, redirects included: a source that trickles bytes is cut off here
 * @param allowNetworks       address ranges (CIDR, e.g. {@code 10.20.0.0/16}) that may be fetched although they are
 *                            loopback, private, link-local or otherwise not public; empty: public addresses only
 * @param feedCheck           how often due sources are looked for
 * @param maxBackoff          longest wait after repeated failures of a source
 * @param inboxPoll           how often the hot folder is looked at
 * @param inbox               run the hot folder {@code <data>/inbox}
 * @param feeds               poll the configured sources
 * @param duplicateSimilarity estimated Jaccard similarity of word shingles from which two stories are one
 * @param duplicateWindow     how far back a new story is compared with earlier ones
 * @param linkedPagesPerHost  most feed entries' linked pages fetched from one host in one round of polling
 */
@ConfigurationProperties("sitrep.ingest")
public record IngestSettings(
        @DefaultValue("10485760") int maxBytes,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration fetchTimeout,
        @DefaultValue("") List<String> allowNetworks,
        @DefaultValue("15s") Duration feedCheck,
        @DefaultValue("24h") Duration maxBackoff,
        @DefaultValue("2s") Duration inboxPoll,
        @DefaultValue("true") boolean inbox,
        @DefaultValue("true") boolean feeds,
        @DefaultValue("0.3") double duplicateSimilarity,
        @DefaultValue("14d") Duration duplicateWindow,
        @DefaultValue("10") int linkedPagesPerHost) {}
