package org.tctracker.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tracker's own settings, bound from {@code tracker.*} (so also from environment variables such
 * as {@code TRACKER_DATA_DIR}).
 *
 * @param dataDir where the embedded H2 database file lives
 * @param staleAfter how long an open commitment may go without a check-in before it is stale
 * @param zone the time zone whose calendar decides "today" and the ISO week of a check-in
 * @param adminPassword the first admin's password, used only when the first start finds no
 *     account ({@code TRACKER_ADMIN_PASSWORD}); without it a random one is printed once
 */
@ConfigurationProperties("tracker")
public record TrackerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("7d") Duration staleAfter,
        @DefaultValue("UTC") ZoneId zone,
        @Nullable String adminPassword) {}
