package io.gatehouse.server.console;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Face snapshots for the console's tests and screenshot: real JPEGs (a browser decodes them, unlike random bytes
 * behind a JPEG marker), drawn as simple illustrated portraits, different for each seed.
 */
final class Portraits {
    private static final int SIZE = 240;
    private static final Color[] SKIN = {new Color(0xF1C7A5), new Color(0xE0AC84), new Color(0xC68A5E),
            new Color(0x9C6644), new Color(0x6F4A32), new Color(0xF5D3B8)};
    private static final Color[] HAIR = {new Color(0x1E1A18), new Color(0x3B2A20), new Color(0x6B4A2E),
            new Color(0xA77B4F), new Color(0x8E8E8E), new Color(0x2B2B33)};
    private static final Color[] SHIRT = {new Color(0x2F5D8A), new Color(0x7A3E48), new Color(0x3F6B4F),
            new Color(0x4A4A58), new Color(0xC9A227), new Color(0xE8E8E8), new Color(0x1F2937)};
    private static final Color[] WALL = {new Color(0xD8DEE6), new Color(0xE6DFD3), new Color(0xCFD8D2),
            new Color(0xDAD4E3), new Color(0xBFC7D1)};

    private Portraits() {
    }

    static byte[] jpeg(long seed) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color wall = pick(r, WALL);
        g.setPaint(new GradientPaint(0, 0, wall.brighter(), SIZE, SIZE, wall.darker()));
        g.fillRect(0, 0, SIZE, SIZE);
        Color skin = pick(r, SKIN);
        Color hair = pick(r, HAIR);
        boolean longHair = r.nextBoolean();
        double cx = SIZE / 2.0 + r.nextInt(21) - 10;
        double headW = 92 + r.nextInt(14);
        double headH = headW * (1.22 + r.nextDouble() * 0.1);
        double headTop = 46 + r.nextInt(10);

        if (longHair) {
            g.setColor(hair);
            g.fill(new RoundRectangle2D.Double(cx - headW * 0.62, headTop + 10, headW * 1.24, headH * 1.05, 60, 60));
        }
        g.setColor(pick(r, SHIRT));
        g.fill(new RoundRectangle2D.Double(cx - 100, headTop + headH + 8, 200, 140, 90, 90));
        g.setColor(skin.darker());
        g.fill(new RoundRectangle2D.Double(cx - 20, headTop + headH - 20, 40, 42, 14, 14));
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(cx - headW / 2 - 8, headTop + headH * 0.42, 18, 28));
        g.fill(new Ellipse2D.Double(cx + headW / 2 - 10, headTop + headH * 0.42, 18, 28));
        g.fill(new Ellipse2D.Double(cx - headW / 2, headTop, headW, headH));
        g.setColor(hair);
        g.fill(new Arc2D.Double(cx - headW / 2 - 3, headTop - 8, headW + 6, headH * 0.62, 0, 180, Arc2D.CHORD));
        if (r.nextInt(3) == 0) {
            g.fill(new Ellipse2D.Double(cx - headW * 0.45, headTop - 6, headW * 0.6, headH * 0.3));
        }
        face(g, r, cx, headTop, headW, headH, skin, hair);
        noise(image, r);
        g.dispose();
        return encode(image);
    }

    private static void face(Graphics2D g, Random r, double cx, double top, double w, double h, Color skin,
                             Color hair) {
        double eyeY = top + h * 0.47;
        double eyeDx = w * 0.2;
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * eyeDx;
            g.setColor(new Color(0xF7F7F5));
            g.fill(new Ellipse2D.Double(ex - 9, eyeY - 5, 18, 10));
            g.setColor(new Color(0x2A1E18));
            g.fill(new Ellipse2D.Double(ex - 4, eyeY - 4.5, 9, 9));
            g.setColor(hair.darker());
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Double(ex - 12, eyeY - 16, 24, 12, 20, 140, Arc2D.OPEN));
        }
        g.setColor(skin.darker());
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(cx - 7, top + h * 0.55, 14, 16, 200, 140, Arc2D.OPEN));
        g.setColor(new Color(0xA0524A));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double smile = 10 + r.nextInt(12);
        g.draw(new Arc2D.Double(cx - 16, top + h * 0.66, 32, smile, 200, 140, Arc2D.OPEN));
    }

    /** A little sensor noise, as a door camera's snapshot has. */
    private static void noise(BufferedImage image, Random r) {
        for (int i = 0; i < SIZE * SIZE / 6; i++) {
            int x = r.nextInt(SIZE);
            int y = r.nextInt(SIZE);
            int rgb = image.getRGB(x, y);
            int d = r.nextInt(17) - 8;
            int red = clamp(((rgb >> 16) & 0xFF) + d);
            int green = clamp(((rgb >> 8) & 0xFF) + d);
            int blue = clamp((rgb & 0xFF) + d);
            image.setRGB(x, y, (red << 16) | (green << 8) | blue);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static <T> T pick(Random r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
