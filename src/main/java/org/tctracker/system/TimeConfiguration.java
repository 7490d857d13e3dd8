package org.tctracker.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** One clock for the whole application, in the configured zone, so tests can fix "today". */
    @Bean
    Clock clock(TrackerProperties properties) {
        return Clock.system(properties.zone());
    }
}
