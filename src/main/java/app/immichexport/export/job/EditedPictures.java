package app.immichexport.export.job;

import app.immichexport.base.TextDigest;
import app.immichexport.export.copy.PictureEdits;
import app.immichexport.export.plan.AssetSet;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.ImmichUnreachableException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Immich renders each edited picture of a job from: the photo's edits, asked of Immich once per
 * picture, and the look of its rendering (its thumbhash), which changes once Immich has rendered it
 * again. A picture whose digest is as recorded is not fetched again.
 */
final class EditedPictures implements PictureEdits {

    private final ImmichService immich;
    private final ImmichConnection client;
    private final Map<String, String> looks = new HashMap<>();

    EditedPictures(ImmichService immich, ImmichConnection client, List<AssetSet> sets) {
        this.immich = immich;
        this.client = client;
        for (AssetSet set : sets) {
            for (Asset asset : set.assets()) {
                if (asset.hasEditedPicture()) {
                    looks.put(asset.id(), asset.editedLook());
                }
            }
        }
    }

    /** The photos with an edited picture. */
    Set<String> photos() {
        return looks.keySet();
    }

    @Override
    public String madeFrom(PlannedFile file) throws IOException {
        String edits;
        try {
            edits = immich.edits(client, file.assetId());
        } catch (ImmichUnreachableException e) {
            throw new IOException(e.getMessage(), e);
        } catch (ImmichException e) {
            // another user's photo in a shared album: its look alone tells when it is rendered anew
            edits = "(not told)";
        }
        return TextDigest.sha256Hex(edits + "\n" + looks.getOrDefault(file.assetId(), ""));
    }
}
