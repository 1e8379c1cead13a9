package app.immichexport.export.job;

import app.immichexport.export.plan.AssetSet;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Asks Immich (3.2 and later) which album members have an XMP sidecar. Immich answers one asset at
 * a time, so several questions are asked at once, and only about assets whose answer is neither on
 * disk (the mounted upload folder shows what lies beside an original) nor remembered from an
 * earlier job; a job copies its photos while the answers come in.
 */
final class Sidecars {

    /** Answers kept from earlier jobs, per asset version. */
    interface Memory {
        /** The remembered answers for these assets as they are now; an asset without one is left out. */
        Map<String, Optional<Sidecar>> recall(Collection<Asset> assets);

        /** Remembers that these assets have the sidecars in {@code found}, and the others none. */
        void remember(Collection<Asset> asked, Map<String, Sidecar> found);
    }

    /** What the mounted upload folder shows without a question. */
    interface Disk {
        Disk NONE = assets -> new Told(Map.of(), List.copyOf(assets));

        Told tell(Collection<Asset> assets);
    }

    /**
     * What a look on disk told: the sidecars found, by asset id, and the assets whose original is not
     * there to look beside. Every other asset has none: for a hundred thousand photos without one, that
     * is not held as a hundred thousand answers.
     */
    record Told(Map<String, Sidecar> found, List<Asset> untold) {}

    /** Questions in flight at once: over a network each answer is mostly waiting, so many are worth asking together. */
    private static final int CONCURRENCY = 16;

    private Sidecars() {}

    /**
     * Every album member's sidecar, once Immich has answered for all of them.
     *
     * @param lookup one asset's sidecar, retried where Immich failed in passing
     * @param pool   runs the askers, {@value #CONCURRENCY} at most; it must not bound them below that
     * @param stop   true once the answers are no longer wanted (the job was cancelled)
     */
    static Map<String, Sidecar> of(
            List<AssetSet> albums,
            Function<String, Optional<Sidecar>> lookup,
            ExecutorService pool,
            Disk disk,
            Memory memory,
            BooleanSupplier stop) {
        return start(albums, lookup, pool, disk, memory, stop).all();
    }

    /**
     * Starts asking about the members whose answer is not remembered, and returns at once: the
     * remembered answers are known now, the others once {@link Asking#await()} returns.
     */
    static Asking start(
            List<AssetSet> albums,
            Function<String, Optional<Sidecar>> lookup,
            ExecutorService pool,
            Disk disk,
            Memory memory,
            BooleanSupplier stop) {
        Told told = disk.tell(distinct(albums));
        Map<String, Optional<Sidecar>> recalled = memory.recall(told.untold());
        Map<String, Sidecar> known = new HashMap<>(told.found());
        recalled.forEach((id, sidecar) -> sidecar.ifPresent(s -> known.put(id, s)));
        List<Asset> unknown = told.untold().stream()
                .filter(a -> !recalled.containsKey(a.id()))
                .toList();
        List<String> ids = unknown.stream().map(Asset::id).toList();
        List<Future<List<Sidecar>>> parts = new ArrayList<>();
        try {
            askers(ids, lookup, stop).forEach(asker -> parts.add(pool.submit(asker)));
        } catch (RejectedExecutionException e) {
            parts.forEach(part -> part.cancel(true));
            throw new ImmichException("Cannot ask Immich for sidecars: the server is stopping", e);
        }
        return new Asking(known, unknown, parts, memory);
    }

    /** Each member once: a photo is in an album once, so only several albums are told apart by id. */
    private static Collection<Asset> distinct(List<AssetSet> albums) {
        if (albums.size() == 1) {
            return albums.get(0).assets();
        }
        Map<String, Asset> members = new LinkedHashMap<>();
        albums.stream().flatMap(a -> a.assets().stream()).forEach(a -> members.putIfAbsent(a.id(), a));
        return members.values();
    }

    /** Questions handed to the pool: their answers, and the ones remembered from earlier jobs. */
    static final class Asking {
        private final Map<String, Sidecar> known;
        private final List<Asset> unknown;
        private final List<Future<List<Sidecar>>> parts;
        private final Memory memory;

        private Asking(
                Map<String, Sidecar> known, List<Asset> unknown, List<Future<List<Sidecar>>> parts, Memory memory) {
            this.known = Map.copyOf(known);
            this.unknown = unknown;
            this.parts = parts;
            this.memory = memory;
        }

        /** The sidecars remembered from earlier jobs: known before any question is answered. */
        Map<String, Sidecar> known() {
            return known;
        }

        boolean isDone() {
            return parts.stream().allMatch(Future::isDone);
        }

        /** Every member's sidecar, waiting for the answers still out; they are remembered for the next job. */
        Map<String, Sidecar> await() throws InterruptedException {
            Map<String, Sidecar> asked = new HashMap<>();
            try {
                for (Future<List<Sidecar>> part : parts) {
                    part.get().forEach(s -> asked.put(s.assetId(), s));
                }
            } catch (ExecutionException e) {
                abandon();
                throw e.getCause() instanceof ImmichException immich
                        ? immich
                        : new ImmichException(
                                "Cannot ask Immich for sidecars: "
                                        + e.getCause().getMessage(),
                                e.getCause());
            } catch (CancellationException e) {
                throw new InterruptedException("the questions about sidecars were abandoned");
            }
            memory.remember(unknown, asked);
            Map<String, Sidecar> sidecars = new HashMap<>(asked);
            sidecars.putAll(known);
            return sidecars;
        }

        /** Every member's sidecar as {@link #await()}, a cancel's interrupt told as a failure to ask. */
        Map<String, Sidecar> all() {
            try {
                return await();
            } catch (InterruptedException e) {
                abandon();
                Thread.currentThread().interrupt();
                throw new ImmichException("Interrupted while asking Immich for sidecars", e);
            }
        }

        /** Stops the questions still out: their answers are no longer wanted. */
        void abandon() {
            parts.forEach(part -> part.cancel(true));
        }
    }

    private static List<Callable<List<Sidecar>>> askers(
            List<String> ids, Function<String, Optional<Sidecar>> lookup, BooleanSupplier stop) {
        if (ids.isEmpty()) {
            return List.of();
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
        return askers;
    }
}
