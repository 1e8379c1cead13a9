package app.immichexport.export.move;

import java.util.List;

/**
 * What a move into the library, or to the trash, did in Immich.
 *
 * @param text     its report, added to the job's summary
 * @param workLeft what it began and could not finish because Immich failed, each named: a resume
 *                 finishes it
 */
public record MoveReport(String text, List<String> workLeft) {

    public MoveReport {
        workLeft = List.copyOf(workLeft);
    }

    public static MoveReport done(String text) {
        return new MoveReport(text, List.of());
    }
}
