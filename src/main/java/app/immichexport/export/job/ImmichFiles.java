package app.immichexport.export.job;

import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Sidecar;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A planned file's bytes from Immich: originals and motion parts by asset id, sidecars by their file id. */
final class ImmichFiles implements FileExporter.Originals {

    private final ImmichService immich;
    private final ImmichConnection client;
    private final Map<String, String> sidecarFileIds = new ConcurrentHashMap<>();

    ImmichFiles(ImmichService immich, ImmichConnection client, Map<String, Sidecar> knownSidecars) {
        this.immich = immich;
        this.client = client;
        know(knownSidecars);
    }

    /** Sidecars Immich told of after the job started copying; one seen on disk has no file id yet. */
    void know(Map<String, Sidecar> sidecars) {
        sidecars.forEach((assetId, sidecar) -> {
            if (sidecar.fileId() != null) {
                sidecarFileIds.put(assetId, sidecar.fileId());
            }
        });
    }

    @Override
    public InputStream open(PlannedFile file, long offset) throws IOException {
        if (file.kind() == PlannedFile.Kind.EDITED) {
            return immich.openEdited(client, file.assetId(), offset);
        }
        if (file.kind() != PlannedFile.Kind.SIDECAR) {
            return immich.openOriginal(client, file.assetId(), offset);
        }
        String fileId = sidecarFileIds.get(file.assetId());
        if (fileId == null) {
            // seen on disk, or taken over from an earlier export: not asked of Immich in this run
            try {
                fileId = immich.sidecar(client, file.assetId())
                        .map(Sidecar::fileId)
                        .orElseThrow(() -> new IOException("Immich no longer has a sidecar for this asset"));
            } catch (ImmichException e) {
                throw new IOException(e.getMessage(), e);
            }
            sidecarFileIds.put(file.assetId(), fileId);
        }
        return immich.openAssetFile(client, fileId, offset);
    }
}
