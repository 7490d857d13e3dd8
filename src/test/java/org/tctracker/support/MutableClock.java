package org.tctracker.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock a test sets by hand, in the tracker's zone, so "today" and "this week" are known. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(LocalDateTime localTime) {
        this.now = localTime.atZone(zone).toInstant();
    }

    public void advance(java.time.Duration by) {
        this.now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Replaces the application's clock: 12 November 2015, 10:00 in the tracker's zone, Mitaka under way. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InMitaka {
        @Bean
        @Primary
        MutableClock mutableClock(org.tctracker.system.TrackerProperties properties) {
            MutableClock clock = new MutableClock(Instant.EPOCH, properties.zone());
            clock.set(LocalDateTime.of(2015, 11, 12, 10, 0));
            return clock;
        }
    }
}
