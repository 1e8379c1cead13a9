package app.immichexport.export.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.plan.AssetSet;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.Sidecar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SidecarsTest {

    private static final Sidecars.Memory NOTHING_REMEMBERED = new Sidecars.Memory() {
        @Override
        public Map<String, Optional<Sidecar>> recall(Collection<Asset> assets) {
            return Map.of();
        }

        @Override
        public void remember(Collection<Asset> asked, Map<String, Sidecar> found) {}
    };

    @Test
    void theQuestionsStopOnceTheAnswersAreNoLongerWanted() {
        AlbumMembers album = album(2000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            // no interrupt reaches the askers here: only the flag tells them
            assertThrows(
                    ImmichException.class,
                    () -> Sidecars.of(
                            List.of(AssetSet.of(album)),
                            id -> {
                                if (asked.incrementAndGet() == 100) {
                                    stop.set(true);
                                }
                                return Optional.empty();
                            },
                            pool,
                            Sidecars.Disk.NONE,
                            NOTHING_REMEMBERED,
                            stop::get));
            assertTrue(asked.get() < 200, "stopped soon, after " + asked.get() + " questions");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyAssetIsAskedAboutOnceWhenNothingStops() {
        AlbumMembers album = album(300);
        AtomicInteger asked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Map<String, Sidecar> found = Sidecars.of(
                    List.of(AssetSet.of(album)),
                    id -> {
                        asked.incrementAndGet();
                        return id.equals("a7") ? Optional.of(new Sidecar(id, "f7", "/x/a7.jpg.xmp")) : Optional.empty();
                    },
                    pool,
                    Sidecars.Disk.NONE,
                    NOTHING_REMEMBERED,
                    () -> false);
            assertEquals(300, asked.get());
            assertEquals(List.of("a7"), List.copyOf(found.keySet()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rememberedAnswersAreKnownAtOnceAndTheOthersOnceAnswered() throws Exception {
        AlbumMembers album = album(200);
        Sidecar remembered = new Sidecar("a1", "f1", "/x/a1.jpg.xmp");
        Map<String, Sidecar> rememberedNow = new ConcurrentHashMap<>();
        Sidecars.Memory memory = new Sidecars.Memory() {
            @Override
            public Map<String, Optional<Sidecar>> recall(Collection<Asset> asked) {
                return Map.of("a1", Optional.of(remembered), "a2", Optional.empty());
            }

            @Override
            public void remember(Collection<Asset> asked, Map<String, Sidecar> found) {
                assertEquals(198, asked.size(), "only what was asked is remembered");
                rememberedNow.putAll(found);
            }
        };
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Sidecars.Asking asking = Sidecars.start(
                    List.of(AssetSet.of(album)),
                    id -> {
                        asked.incrementAndGet();
                        try {
                            answer.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return id.equals("a7") ? Optional.of(new Sidecar(id, "f7", "/x/a7.jpg.xmp")) : Optional.empty();
                    },
                    pool,
                    Sidecars.Disk.NONE,
                    memory,
                    () -> false);
            assertEquals(Map.of("a1", remembered), asking.known(), "known before any answer");
            assertFalse(asking.isDone(), "the questions are still out");
            answer.countDown();
            Map<String, Sidecar> all = asking.await();
            assertEquals(Set.of("a1", "a7"), all.keySet());
            assertEquals(198, asked.get(), "the remembered ones are not asked about");
            assertEquals(Set.of("a7"), rememberedNow.keySet());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatTheUploadFolderShowsIsNeitherAskedNorRemembered() {
        AlbumMembers album = album(100);
        Sidecar beside = new Sidecar("a3", null, "/data/upload/u/a3.jpg.xmp");
        List<String> asked = new ArrayList<>();
        List<String> recalled = new ArrayList<>();
        List<String> remembered = new ArrayList<>();
        Sidecars.Memory memory = new Sidecars.Memory() {
            @Override
            public Map<String, Optional<Sidecar>> recall(Collection<Asset> assets) {
                assets.forEach(a -> recalled.add(a.id()));
                return Map.of();
            }

            @Override
            public void remember(Collection<Asset> assets, Map<String, Sidecar> found) {
                assets.forEach(a -> remembered.add(a.id()));
            }
        };
        // the originals of a0 to a89 are on disk, a3 with a sidecar beside it
        Sidecars.Disk disk = assets -> new Sidecars.Told(
                Map.of("a3", beside),
                assets.stream()
                        .filter(a -> Integer.parseInt(a.id().substring(1)) >= 90)
                        .toList());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Map<String, Sidecar> found = Sidecars.of(
                    List.of(AssetSet.of(album)),
                    id -> {
                        synchronized (asked) {
                            asked.add(id);
                        }
                        return id.equals("a95")
                                ? Optional.of(new Sidecar(id, "f95", "/x/a95.jpg.xmp"))
                                : Optional.empty();
                    },
                    pool,
                    disk,
                    memory,
                    () -> false);
            assertEquals(Map.of("a3", beside, "a95", new Sidecar("a95", "f95", "/x/a95.jpg.xmp")), found);
            assertEquals(10, asked.size(), "only the photos whose original is not on disk are asked about");
            assertEquals(10, recalled.size());
            assertEquals(Set.copyOf(asked), Set.copyOf(remembered));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abandonedQuestionsStop() throws Exception {
        AlbumMembers album = album(2000);
        AtomicInteger asked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Sidecars.Asking asking = Sidecars.start(
                    List.of(AssetSet.of(album)),
                    id -> {
                        asked.incrementAndGet();
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Optional.empty();
                    },
                    pool,
                    Sidecars.Disk.NONE,
                    NOTHING_REMEMBERED,
                    () -> false);
            Thread.sleep(50);
            asking.abandon();
            assertThrows(InterruptedException.class, asking::await, "no answers once abandoned");
            int atAbandon = asked.get();
            Thread.sleep(100);
            assertTrue(asked.get() - atAbandon <= 16, "at most the questions under way: " + (asked.get() - atAbandon));
            assertTrue(asked.get() < 2000);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An album of {@code count} photos, a0 to a(count - 1). */
    private static AlbumMembers album(int count) {
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assets.add(photo("a" + i));
        }
        return new AlbumMembers(
                new Album("al", "Album", "", assets.size(), null, null, null, null, null, "u1", "U", false), assets);
    }

    private static Asset photo(String id) {
        Instant taken = Instant.parse("2024-01-01T00:00:00Z");
        return new Asset(
                id,
                id + ".jpg",
                "/data/" + id + ".jpg",
                Asset.AssetType.IMAGE,
                taken,
                taken,
                "c2hhMQ==",
                10,
                null,
                false,
                false,
                "timeline",
                null,
                "u1",
                "image/jpeg",
                taken,
                null);
    }
}
