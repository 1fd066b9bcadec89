package io.demodeck.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the question bank has been loaded; files that failed are listed, but do not make it DOWN. */
@Readiness
@ApplicationScoped
public class BankReadiness implements HealthCheck {

    @Inject
    BankLoader loader;

    @Override
    public HealthCheckResponse call() {
        var report = loader.startupReport();
        var builder = HealthCheckResponse.named("question-bank").status(report != null);
        if (report != null) {
            builder.withData("files", report.size());
            builder.withData("failed", report.stream().filter(r -> !r.ok()).count());
        }
        return builder.build();
    }
}
