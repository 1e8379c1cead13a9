package app.immichexport.export.copy;

import app.immichexport.export.plan.PlannedFile;
import java.io.IOException;

/** What Immich renders a photo's edited picture from now, asked of it once per picture and run. */
@FunctionalInterface
public interface PictureEdits {

    /** A digest that changes when the edits or the rendered picture change. */
    String madeFrom(PlannedFile file) throws IOException;
}
