package app.immichexport.immich;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Immich answers its ping (which needs no key); says nothing but up or down. */
@Readiness
@ApplicationScoped
public class ImmichHealth implements HealthCheck {

    @Inject
    ImmichConnections connections;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("immich")
                    .status(connections.ping())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.down("immich");
        }
    }
}
