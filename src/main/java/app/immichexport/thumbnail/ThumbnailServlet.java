package app.immichexport.thumbnail;

import app.immichexport.account.ImmichKeys;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Thumbnail;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves album covers ({@code thumbnails/<asset id>}) and people's faces ({@code thumbnails/people/<person
 * id>}) from Immich through the application, so the browser never needs the Immich key, and keeps them
 * on disk so each is fetched once.
 */
@WebServlet(urlPatterns = "/thumbnails/*")
public class ThumbnailServlet extends HttpServlet {

    private static final String PEOPLE = "people/";

    private static final Pattern ASSET_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @Inject
    ImmichService immich;

    @Inject
    ImmichKeys keys;

    @Inject
    ThumbnailCache cache;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        boolean person = path.startsWith(PEOPLE);
        String id = person ? path.substring(PEOPLE.length()) : path;
        if (!ASSET_ID.matcher(id).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Caller caller = SignedIn.of(request).orElse(null);
        if (caller == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        // kept per user: a thumbnail one user's key could fetch is not another's to see
        String cacheKey = caller.id() + "-" + (person ? "person-" : "") + id;
        Optional<byte[]> cached = cache.get(cacheKey);
        byte[] image;
        String type = "image/jpeg";
        if (cached.isPresent()) {
            image = cached.get();
        } else {
            try {
                Thumbnail fetched = person
                        ? immich.personThumbnail(keys.client(caller), id)
                        : immich.thumbnail(keys.client(caller), id);
                image = fetched.bytes();
                type = fetched.contentType();
                cache.put(cacheKey, image);
            } catch (ImmichException e) {
                response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
                return;
            }
        }
        response.setContentType(type.startsWith("image/") ? type : "image/jpeg");
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.setContentLength(image.length);
        response.getOutputStream().write(image);
    }
}
