package org.tctracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TcTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TcTrackerApplication.class, args);
    }
}
