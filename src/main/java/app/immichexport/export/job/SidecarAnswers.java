package app.immichexport.export.job;

import app.immichexport.database.StorableText;
import app.immichexport.immich.Asset;
import app.immichexport.immich.Sidecar;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Immich's answers to "has this asset a sidecar?", remembered per asset version ({@code updatedAt}),
 * so that exporting the same photos again costs no request per photo. An answer is trusted for a day
 * at most: Immich does not always touch an asset when a sidecar is found beside its original later.
 * Losing what is remembered only costs requests, so a database failure here never fails a job.
 */
@ApplicationScoped
class SidecarAnswers implements Sidecars.Memory {

    static final Duration TRUSTED_FOR = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(SidecarAnswers.class.getName());

    @Resource(lookup = "java:app/jdbc/immichExport")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public Map<String, Optional<Sidecar>> recall(Collection<Asset> assets) {
        Map<String, Instant> versions = versions(assets);
        Map<String, Optional<Sidecar>> known = new HashMap<>();
        if (versions.isEmpty()) {
            return known;
        }
        String sql = "select asset_id, asset_updated_at, file_id, path from sidecar_answer"
                + " where asset_id = any (?) and asked_at > ?::timestamptz";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(
                    1, connection.createArrayOf("varchar", versions.keySet().toArray()));
            select.setString(2, clock.instant().minus(TRUSTED_FOR).toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String assetId = rows.getString(1);
                    if (Objects.equals(
                            versions.get(assetId), rows.getTimestamp(2).toInstant())) {
                        String path = rows.getString(4);
                        known.put(
                                assetId,
                                Optional.ofNullable(rows.getString(3)).map(id -> new Sidecar(assetId, id, path)));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the remembered sidecar answers; Immich is asked again", e);
            return Map.of();
        }
        return known;
    }

    /** Each asset's version, in the order given; assets whose version Immich did not tell are left out. */
    private static Map<String, Instant> versions(Collection<Asset> assets) {
        Map<String, Instant> versions = new LinkedHashMap<>();
        assets.stream().filter(a -> a.updatedAt() != null).forEach(a -> versions.put(a.id(), a.updatedAt()));
        return versions;
    }

    @Override
    public void remember(Collection<Asset> asked, Map<String, Sidecar> found) {
        Map<String, Instant> versions = versions(asked);
        if (versions.isEmpty()) {
            return;
        }
        String sql = "insert into sidecar_answer (asset_id, asset_updated_at, file_id, path, asked_at)"
                + " select u.id, u.version::timestamptz, u.file_id, u.path, ?::timestamptz"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as u(id, version, file_id, path)"
                + " on conflict (asset_id) do update set asset_updated_at = excluded.asset_updated_at,"
                + " file_id = excluded.file_id, path = excluded.path, asked_at = excluded.asked_at";
        List<String> ids = List.copyOf(versions.keySet());
        String[] versionTexts = new String[ids.size()];
        String[] fileIds = new String[ids.size()];
        String[] paths = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            Sidecar sidecar = found.get(ids.get(i));
            versionTexts[i] = versions.get(ids.get(i)).toString();
            fileIds[i] = sidecar == null ? null : sidecar.fileId();
            paths[i] = sidecar == null || sidecar.path() == null ? null : StorableText.of(sidecar.path());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, clock.instant().toString());
            upsert.setArray(2, connection.createArrayOf("text", ids.toArray()));
            upsert.setArray(3, connection.createArrayOf("text", versionTexts));
            upsert.setArray(4, connection.createArrayOf("text", fileIds));
            upsert.setArray(5, connection.createArrayOf("text", paths));
            upsert.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot remember Immich's sidecar answers; the next export asks again", e);
        }
    }
}
