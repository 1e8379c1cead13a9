package app.immichexport.export.api;

import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJobRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A job's items as CSV, written page by page so that large jobs need little memory. */
public final class ItemsCsv {

    private static final int PAGE = 1000;

    private ItemsCsv() {}

    public static void write(ExportJobRepository jobs, long jobId, ExportItem.Outcome outcome, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("asset_id,album_id,kind,outcome,target_path,size,sha1,source,retries,reason,finished_at\n");
        for (int offset = 0; ; offset += PAGE) {
            List<ExportItem> page = jobs.items(jobId, outcome, offset, PAGE);
            for (ExportItem item : page) {
                writer.write(String.join(
                        ",",
                        cell(item.getAssetId()),
                        cell(item.getAlbumId()),
                        cell(item.getKind()),
                        cell(item.getOutcome().name()),
                        cell(item.getTargetPath()),
                        cell(item.getSize()),
                        cell(item.getSha1()),
                        cell(item.getSource()),
                        cell(item.getRetries()),
                        cell(item.getReason()),
                        cell(item.getFinishedAt())));
                writer.write('\n');
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        writer.flush();
    }

    /** Quoted when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
