package app.immichexport.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /assets/{id}/original}: the bytes, streamed, with Range support and injected faults. */
final class OriginalDownload {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private OriginalDownload() {}

    /** Sends the answer and returns its status. */
    static int serve(HttpExchange http, SimulatedAsset asset, Faults faults) throws IOException {
        return serve(http, asset.content, WireJson.mimeType(asset), asset.originalFileName, faults);
    }

    /** The picture Immich rendered from a photo's edits, named as Immich names it: the original's name, as JPEG. */
    static int serveEdited(HttpExchange http, SimulatedAsset asset, Faults faults) throws IOException {
        String name = asset.originalFileName;
        int dot = name.lastIndexOf('.');
        return serve(http, asset.edited, "image/jpeg", (dot < 0 ? name : name.substring(0, dot)) + ".jpeg", faults);
    }

    private static int serve(HttpExchange http, Content content, String mimeType, String fileName, Faults faults)
            throws IOException {
        long size = content.size();
        long start = 0;
        long end = size - 1;
        String range = http.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        boolean partial = m != null && m.matches();
        Headers headers = http.getResponseHeaders();
        if (partial) {
            start = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                end = Math.min(end, Long.parseLong(m.group(2)));
            }
            if (start >= size || start > end) {
                headers.set("Content-Range", "bytes */" + size);
                http.sendResponseHeaders(416, -1);
                return 416;
            }
            headers.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        headers.set("Content-Type", mimeType);
        headers.set("Accept-Ranges", "bytes");
        headers.set("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"");
        int status = partial ? 206 : 200;
        long length = end - start + 1;
        http.sendResponseHeaders(status, length);
        stream(content, start, length, http.getResponseBody(), faults);
        return status;
    }

    private static void throttle(int sent, long bytesPerSecond) throws IOException {
        if (bytesPerSecond <= 0) {
            return;
        }
        try {
            Thread.sleep(sent * 1000L / bytesPerSecond);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void stream(Content content, long start, long length, OutputStream out, Faults faults)
            throws IOException {
        long cutAfter = faults.cutDownloadsAfterBytes > 0 ? faults.cutDownloadsAfterBytes : Long.MAX_VALUE;
        long corruptAt = faults.corruptDownloads ? content.size() / 2 : -1;
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try (InputStream in = content.open(start)) {
            while (sent < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
                if (n < 0) {
                    break;
                }
                long position = start + sent;
                if (corruptAt >= position && corruptAt < position + n) {
                    buffer[(int) (corruptAt - position)] ^= 0x5A;
                }
                if (sent + n > cutAfter) {
                    out.write(buffer, 0, (int) (cutAfter - sent));
                    out.flush();
                    throw new IOException("download cut off by fault injection");
                }
                out.write(buffer, 0, n);
                sent += n;
                throttle(n, faults.downloadBytesPerSecond);
            }
        }
    }
}
