package dev.modpipe.classifier;

import dev.modpipe.classifier.cli.ClassifierCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts classifier-service: the Kafka processor with its actuator endpoints. With a command as
 * first argument ({@code classify}, {@code evaluate}, {@code train}) it runs the command line
 * instead, before Spring starts, so the command line needs neither Kafka nor a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifierApplication {
    public static void main(String[] args) {
        if (ClassifierCli.isCommand(args)) {
            ClassifierCli.main(args);
            return;
        }
        SpringApplication.run(ClassifierApplication.class, args);
    }
}
