package app.immichexport.export.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            assets.add(photo("a" + i));
        }
        AlbumMembers album = new AlbumMembers(
                new Album("al", "Album", "", assets.size(), null, null, null, null, null, "u1", "U", false), assets);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            // no interrupt reaches the askers here: only the flag tells them
            assertThrows(
                    ImmichException.class,
                    () -> Sidecars.of(
                            List.of(album),
                            id -> {
                                if (asked.incrementAndGet() == 100) {
                                    stop.set(true);
                                }
                                return Optional.empty();
                            },
                            pool,
                            NOTHING_REMEMBERED,
                            stop::get));
            assertTrue(asked.get() < 200, "stopped soon, after " + asked.get() + " questions");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyAssetIsAskedAboutOnceWhenNothingStops() {
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            assets.add(photo("a" + i));
        }
        AlbumMembers album = new AlbumMembers(
                new Album("al", "Album", "", assets.size(), null, null, null, null, null, "u1", "U", false), assets);
        AtomicInteger asked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Map<String, Sidecar> found = Sidecars.of(
                    List.of(album),
                    id -> {
                        asked.incrementAndGet();
                        return id.equals("a7") ? Optional.of(new Sidecar(id, "f7", "/x/a7.jpg.xmp")) : Optional.empty();
                    },
                    pool,
                    NOTHING_REMEMBERED,
                    () -> false);
            assertEquals(300, asked.get());
            assertEquals(List.of("a7"), List.copyOf(found.keySet()));
        } finally {
            pool.shutdownNow();
        }
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
                taken);
    }
}
