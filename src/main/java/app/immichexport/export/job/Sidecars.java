package app.immichexport.export.job;

import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.Sidecar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Asks Immich (3.2 and later) which album members have an XMP sidecar. Immich answers one asset at
 * a time, so several questions are asked at once, and only about assets whose answer is not
 * remembered from an earlier job.
 */
final class Sidecars {

    /** Answers kept from earlier jobs, per asset version. */
    interface Memory {
        /** The remembered answers for these assets as they are now; an asset without one is left out. */
        Map<String, Optional<Sidecar>> recall(Collection<Asset> assets);

        /** Remembers that these assets have the sidecars in {@code found}, and the others none. */
        void remember(Collection<Asset> asked, Map<String, Sidecar> found);
    }

    /** Questions in flight at once: over a network each answer is mostly waiting, so many are worth asking together. */
    private static final int CONCURRENCY = 16;

    private Sidecars() {}

    /**
     * @param lookup one asset's sidecar, retried where Immich failed in passing
     * @param pool   runs the askers, {@value #CONCURRENCY} at most; it must not bound them below that
     * @param stop   true once the answers are no longer wanted (the job was cancelled)
     */
    static Map<String, Sidecar> of(
            List<AlbumMembers> albums,
            Function<String, Optional<Sidecar>> lookup,
            ExecutorService pool,
            Memory memory,
            BooleanSupplier stop) {
        Map<String, Asset> members = new LinkedHashMap<>();
        albums.stream().flatMap(a -> a.assets().stream()).forEach(a -> members.putIfAbsent(a.id(), a));
        Map<String, Optional<Sidecar>> known = memory.recall(members.values());
        List<Asset> unknown = members.values().stream()
                .filter(a -> !known.containsKey(a.id()))
                .toList();
        Map<String, Sidecar> asked = ask(unknown.stream().map(Asset::id).toList(), lookup, pool, stop);
        memory.remember(unknown, asked);
        Map<String, Sidecar> sidecars = new HashMap<>(asked);
        known.forEach((id, sidecar) -> sidecar.ifPresent(s -> sidecars.put(id, s)));
        return sidecars;
    }

    private static Map<String, Sidecar> ask(
            List<String> ids, Function<String, Optional<Sidecar>> lookup, ExecutorService pool, BooleanSupplier stop) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        int parts = Math.max(1, Math.min(CONCURRENCY, ids.size() / 50));
        List<Callable<List<Sidecar>>> askers = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            List<String> slice = ids.subList(part * ids.size() / parts, (part + 1) * ids.size() / parts);
            askers.add(() -> {
                List<Sidecar> found = new ArrayList<>();
                for (String id : slice) {
                    if (Thread.currentThread().isInterrupted() || stop.getAsBoolean()) {
                        throw new InterruptedException("cancelled while asking Immich for sidecars");
                    }
                    lookup.apply(id).ifPresent(found::add);
                }
                return found;
            });
        }
        Map<String, Sidecar> sidecars = new HashMap<>();
        try {
            for (Future<List<Sidecar>> answer : pool.invokeAll(askers)) {
                answer.get().forEach(s -> sidecars.put(s.assetId(), s));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ImmichException immich
                    ? immich
                    : new ImmichException(
                            "Cannot ask Immich for sidecars: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImmichException("Interrupted while asking Immich for sidecars", e);
        }
        return sidecars;
    }
}
