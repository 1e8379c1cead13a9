package app.immichexport.export.record;

import app.immichexport.database.StorableText;
import java.util.List;

/**
 * Items as the rows of PostgreSQL's {@code COPY ... (format csv)}: every text quoted, so that an
 * empty text stays empty, and a missing value left empty, which COPY reads as null.
 */
final class CopyRows {

    private CopyRows() {}

    static String items(List<ExportItem> items) {
        StringBuilder rows = new StringBuilder(items.size() * 200);
        for (ExportItem item : items) {
            rows.append(item.getJobId()).append(',');
            text(rows, item.getAssetId()).append(',');
            text(rows, item.getAlbumId()).append(',');
            text(rows, item.getKind()).append(',');
            text(rows, item.getSource()).append(',');
            text(rows, item.getTargetPath()).append(',');
            value(rows, item.getSize()).append(',');
            text(rows, item.getSha1()).append(',');
            value(rows, item.getModifiedAt()).append(',');
            text(rows, item.getOutcome().name()).append(',');
            text(rows, item.getReason()).append(',');
            rows.append(item.getRetries()).append(',');
            value(rows, item.getFinishedAt()).append(',');
            text(rows, item.getMadeFrom()).append('\n');
        }
        return rows.toString();
    }

    private static StringBuilder text(StringBuilder rows, String text) {
        if (text == null) {
            return rows;
        }
        return rows.append('"')
                .append(StorableText.of(text).replace("\"", "\"\""))
                .append('"');
    }

    /** Numbers, and instants in ISO-8601 with a Z, which PostgreSQL reads as UTC. */
    private static StringBuilder value(StringBuilder rows, Object value) {
        return value == null ? rows : rows.append(value);
    }
}
