package app.immichexport.immich;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The bytes Immich keeps: originals, thumbnails and XMP sidecars, streamed. */
final class FileCalls {

    /** Not made through {@link ImmichApi}: see {@link #sidecar}. Immich 3.2 and later. */
    static final String SIDECAR_PATH = "asset-files";

    private static final Type ASSET_FILES =
            new ArrayList<ImmichDtos.AssetFile>() {}.getClass().getGenericSuperclass();
    /** {@code []} with any of JSON's own white space around and inside it. */
    private static final Pattern EMPTY_LIST = Pattern.compile("[ \\t\\r\\n]*\\[[ \\t\\r\\n]*][ \\t\\r\\n]*");

    private final ImmichCalls calls;

    FileCalls(ImmichCalls calls) {
        this.calls = calls;
    }

    /** A small preview image of the asset, as Immich renders it. */
    public Thumbnail thumbnail(String assetId) {
        return image("load a thumbnail", () -> calls.api.thumbnail(assetId, "thumbnail"));
    }

    /** The face Immich shows for a person ({@code person.read}). */
    public Thumbnail personThumbnail(String personId) {
        return image("load the face of a person (person.read)", () -> calls.api.personThumbnail(personId));
    }

    private Thumbnail image(String what, java.util.function.Supplier<Response> request) {
        return calls.call(what, () -> {
            try (Response response = request.get()) {
                String type = response.getMediaType() == null
                        ? "image/jpeg"
                        : response.getMediaType().toString();
                try (InputStream body = response.readEntity(InputStream.class)) {
                    return new Thumbnail(type, body.readAllBytes());
                } catch (IOException e) {
                    throw new ProcessingException(e);
                }
            }
        });
    }

    /**
     * The original's bytes from {@code offset} on, streamed; the caller closes the stream.
     *
     * @throws java.io.IOException when Immich cannot be reached or refuses
     */
    public InputStream openOriginal(String assetId, long offset) throws IOException {
        return open(
                "download asset " + assetId,
                offset,
                () -> calls.api.original(assetId, offset > 0 ? "bytes=" + offset + "-" : null));
    }

    /** The picture Immich renders from an asset's edits, from {@code offset} on; the caller closes the stream. */
    public InputStream openEdited(String assetId, long offset) throws IOException {
        return open(
                "download the edited picture of asset " + assetId,
                offset,
                () -> calls.api.edited(assetId, true, offset > 0 ? "bytes=" + offset + "-" : null));
    }

    /**
     * An asset's edits as one text that changes when they change: each edit's action and parameters,
     * in Immich's order.
     */
    public String edits(String assetId) {
        ImmichDtos.AssetEdits answer =
                calls.call("read the edits of asset " + assetId + " (asset.edit.get)", () -> calls.api.edits(assetId));
        return answer.edits() == null ? "[]" : answer.edits().toString();
    }

    /**
     * An asset's XMP sidecar, when the server offers asset files (3.2 and later) and the asset has one.
     * Immich tells it one asset at a time, so an export of ten thousand photos asks ten thousand
     * times: the question goes to Immich straight over the JDK's connection, the one the REST client
     * uses underneath, as the client's own machinery costs several times the question (0.85 ms of
     * processor time per question through it, against about 0.15 ms without it, on 2 cores).
     */
    public Optional<Sidecar> sidecar(String assetId) {
        String what = "list the files of asset " + assetId;
        URI address = ImmichCalls.apiBase(calls.url)
                .resolve(SIDECAR_PATH + "?assetId=" + URLEncoder.encode(assetId, StandardCharsets.UTF_8)
                        + "&type=sidecar");
        List<ImmichDtos.AssetFile> files;
        try {
            HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
            connection.setConnectTimeout((int) TimeUnit.SECONDS.toMillis(5));
            connection.setReadTimeout((int) TimeUnit.SECONDS.toMillis(60));
            connection.setRequestProperty("x-api-key", calls.apiKey);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status >= 300) {
                // read to its end, so that the connection is kept for the next question
                InputStream error = connection.getErrorStream();
                String body = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
                if (error != null) {
                    error.close();
                }
                throw calls.translate(
                        what,
                        status,
                        new WebApplicationException(
                                Response.status(status).entity(body).build()));
            }
            try (InputStream body = connection.getInputStream()) {
                files = assetFiles(body.readAllBytes());
            }
        } catch (IOException e) {
            throw new ImmichUnreachableException(
                    "Immich is not reachable at " + calls.url + " (could not " + what
                            + "): check IMMICH_URL and that the server is running",
                    e);
        } catch (JsonbException e) {
            throw new ImmichException("Immich's answer made no sense when trying to " + what, e);
        }
        return (files == null ? List.<ImmichDtos.AssetFile>of() : files)
                .stream()
                        .filter(f -> "sidecar".equals(f.type()))
                        .findFirst()
                        .map(f -> new Sidecar(assetId, f.id(), f.path()));
    }

    /**
     * Most photos have no sidecar, and Immich then answers {@code []}: read without a JSON binding,
     * which would otherwise cost more than the rest of the question.
     */
    static List<ImmichDtos.AssetFile> assetFiles(byte[] answer) {
        if (EMPTY_LIST.matcher(new String(answer, StandardCharsets.UTF_8)).matches()) {
            return List.of();
        }
        return ImmichCalls.JSON.fromJson(new ByteArrayInputStream(answer), ASSET_FILES);
    }

    /** Immich sends asset files whole: a download cut short is started again, never resumed. */
    public InputStream openAssetFile(String fileId, long offset) throws IOException {
        if (offset > 0) {
            throw new IOException("Immich does not resume downloads of asset files");
        }
        return open("download asset file " + fileId, 0, () -> calls.api.downloadAssetFile(fileId));
    }

    private InputStream open(String what, long offset, Supplier<Response> request) throws IOException {
        Response response;
        try {
            response = request.get();
        } catch (WebApplicationException e) {
            throw new IOException(
                    calls.translate(what, e.getResponse().getStatus(), e).getMessage(), e);
        } catch (ProcessingException e) {
            throw new IOException("Immich is not reachable at " + calls.url + ": " + e.getMessage(), e);
        }
        if (offset > 0 && response.getStatus() != 206) {
            response.close();
            throw new IOException("Immich did not resume the download at byte " + offset);
        }
        InputStream body = response.readEntity(InputStream.class);
        return new FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }
}
