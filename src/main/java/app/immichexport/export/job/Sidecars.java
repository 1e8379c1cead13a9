package app.immichexport.export.job;

import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichClient;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichUnreachableException;
import app.immichexport.immich.Sidecar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Asks Immich (3.2 and later) which album members have an XMP sidecar. Immich answers one asset at
 * a time, so several questions are asked at once.
 */
final class Sidecars {

    private static final int ATTEMPTS = 3;

    private Sidecars() {
    }

    static Map<String, Sidecar> of(List<AlbumMembers> albums, ImmichClient client, ExecutorService pool) {
        List<Callable<Optional<Sidecar>>> questions = new ArrayList<>();
        albums.stream().flatMap(a -> a.assets().stream()).map(Asset::id).distinct()
                .forEach(id -> questions.add(() -> ask(client, id)));
        Map<String, Sidecar> sidecars = new HashMap<>();
        try {
            for (Future<Optional<Sidecar>> answer : pool.invokeAll(questions)) {
                answer.get().ifPresent(s -> sidecars.put(s.assetId(), s));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ImmichException immich ? immich
                    : new ImmichException("Cannot ask Immich for sidecars: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImmichException("Interrupted while asking Immich for sidecars", e);
        }
        return sidecars;
    }

    private static Optional<Sidecar> ask(ImmichClient client, String assetId) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.sidecar(assetId);
            } catch (ImmichUnreachableException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }
}
