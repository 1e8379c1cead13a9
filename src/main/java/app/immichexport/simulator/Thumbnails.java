package app.immichexport.simulator;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Small generated JPEG previews, one colour per asset, made once. */
final class Thumbnails {

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    byte[] of(SimulatedAsset asset) {
        return cache.computeIfAbsent(asset.id, id -> render(id.hashCode()));
    }

    /** A person's face, as Immich crops it from one of their photos. */
    byte[] ofPerson(String personId) {
        return cache.computeIfAbsent("person-" + personId, id -> jpeg(96, 96, id.hashCode(), null));
    }

    static byte[] render(int seed) {
        return jpeg(160, 120, seed, null);
    }

    /** A gradient in a colour derived from {@code seed}, with an optional caption. */
    static byte[] jpeg(int width, int height, int seed, String caption) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        float hue = (seed & 0xffff) / 65535f;
        g.setPaint(new GradientPaint(
                0,
                0,
                Color.getHSBColor(hue, 0.55f, 0.95f),
                width,
                height,
                Color.getHSBColor(hue + 0.15f, 0.8f, 0.45f)));
        g.fillRect(0, 0, width, height);
        if (caption != null) {
            g.setColor(Color.WHITE);
            g.setFont(g.getFont().deriveFont(Math.max(12f, height / 14f)));
            g.drawString(caption, width / 20, height - height / 10);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
