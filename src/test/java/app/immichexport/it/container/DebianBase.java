package app.immichexport.it.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfile's base image, made here from Debian's packages: no image registry can be reached.
 * A minimal bookworm root from debootstrap stands in for the pinned {@code debian:bookworm-…-slim}, with
 * the machine's extra certificate authorities (its outgoing TLS is inspected) where Debian's
 * ca-certificates picks them up. The root is kept between runs on the machine.
 */
final class DebianBase {

    private static final Path CACHE = Path.of("/var/cache/immich-album-export-test");

    private DebianBase() {}

    /** The base image the Dockerfile names, e.g. {@code debian:bookworm-20250811-slim}. */
    static String imageOf(Path dockerfile) throws IOException {
        Matcher base = Pattern.compile("^ARG DEBIAN_IMAGE=(debian:(\\w+)-\\d{8}-slim)$", Pattern.MULTILINE)
                .matcher(Files.readString(dockerfile));
        if (!base.find()) {
            throw new AssertionError(
                    "The Dockerfile names no pinned Debian base image (ARG DEBIAN_IMAGE=debian:<suite>-<date>-slim)");
        }
        return base.group(1);
    }

    static void ensure(String image) throws IOException {
        if (Commands.run(60, "docker", "image", "inspect", image).ok()) {
            return;
        }
        String suite = image.substring("debian:".length(), image.indexOf('-'));
        Path tarball = CACHE.resolve(image.replace(':', '_') + ".tar");
        if (!Files.isRegularFile(tarball)) {
            Files.createDirectories(CACHE);
            Path root = CACHE.resolve("root-" + suite);
            Commands.check(60, "rm", "-rf", root.toString());
            Commands.check(900, "debootstrap", "--variant=minbase", suite, root.toString(), mirror());
            Path authorities = root.resolve("usr/local/share/ca-certificates");
            Files.createDirectories(authorities);
            try (var extra = Files.newDirectoryStream(Path.of("/usr/local/share/ca-certificates"), "*.crt")) {
                for (Path certificate : extra) {
                    Files.copy(certificate, authorities.resolve(certificate.getFileName()));
                }
            } catch (IOException none) {
                // no extra authorities on this machine
            }
            Commands.check(120, "bash", "-c", "rm -f '" + root + "'/var/cache/apt/archives/*.deb");
            Path partial = CACHE.resolve(tarball.getFileName() + ".part");
            Commands.check(300, "tar", "-C", root.toString(), "-cf", partial.toString(), ".");
            Files.move(partial, tarball);
            Commands.check(60, "rm", "-rf", root.toString());
        }
        Commands.check(300, "docker", "import", "--change", "CMD [\"bash\"]", tarball.toString(), image);
    }

    /** The Debian mirror apt uses on this machine. */
    private static String mirror() throws IOException {
        Pattern uri =
                Pattern.compile("^(?:URIs:\\s*|deb\\s+(?:\\[[^]]*]\\s+)?)(\\S*debian\\S*?)/?\\s*$", Pattern.MULTILINE);
        for (Path sources :
                new Path[] {Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list")}) {
            if (Files.isRegularFile(sources)) {
                Matcher found = uri.matcher(Files.readString(sources));
                while (found.find()) {
                    if (!found.group(1).contains("security")) {
                        return found.group(1);
                    }
                }
            }
        }
        throw new AssertionError("No Debian mirror found in apt's sources");
    }
}
