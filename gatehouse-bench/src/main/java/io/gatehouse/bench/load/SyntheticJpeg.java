package io.gatehouse.bench.load;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A real JPEG of about the size a terminal's face snapshot has, so that benchmarks move and decode realistic
 * bytes. Noise keeps the encoder from compressing it to nothing; the seed keeps runs comparable.
 */
final class SyntheticJpeg {
    private SyntheticJpeg() {
    }

    /** A JPEG of at least {@code minBytes}, grown by enlarging the picture. */
    static byte[] ofAtLeast(int minBytes) {
        for (int side = 96; side <= 2048; side += 32) {
            byte[] jpeg = render(side);
            if (jpeg.length >= minBytes) {
                return jpeg;
            }
        }
        throw new IllegalArgumentException("cannot make a JPEG of " + minBytes + " bytes");
    }

    private static byte[] render(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 170, 150), side, side, new Color(60, 40, 30)));
        g.fillRect(0, 0, side, side);
        g.dispose();
        Random noise = new Random(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = image.getRGB(x, y);
                int delta = noise.nextInt(32) - 16;
                int r = clamp(((rgb >> 16) & 0xFF) + delta);
                int gr = clamp(((rgb >> 8) & 0xFF) + delta);
                int b = clamp((rgb & 0xFF) + delta);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
