package io.gatehouse.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Real JPEG face snapshots made at set-up with the JDK's own encoder: a noisy gradient, grown until its
 * base64 form reaches the wanted size, so the decoder sees what a terminal sends and not a string of 'A's.
 */
final class BenchImages {
    private BenchImages() {
    }

    /** A JPEG whose base64 text is at least {@code base64Chars} long (and not much longer). */
    static String jpegBase64(int base64Chars) {
        for (int side = 32; side < 2048; side += 8) {
            String base64 = Base64.getEncoder().encodeToString(jpeg(side));
            if (base64.length() >= base64Chars) {
                return base64;
            }
        }
        throw new IllegalStateException("no JPEG reaches " + base64Chars + " base64 characters");
    }

    static byte[] jpeg(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        SplittableRandom noise = new SplittableRandom(side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int shade = (x + y) * 255 / (2 * side);
                int grain = noise.nextInt(48);
                image.setRGB(x, y, (Math.min(255, shade + grain) << 16) | (shade << 8) | Math.min(255, 128 + grain));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("this JDK has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
