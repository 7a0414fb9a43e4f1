package dev.modpipe.classifier.stream;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /health} and {@code /metrics}, as the other services have them, served by actuator. */
@Controller
class HealthAliases {
    @GetMapping("/health")
    String health() {
        return "forward:/actuator/health";
    }

    @GetMapping("/metrics")
    String metrics() {
        return "forward:/actuator/prometheus";
    }
}
