package io.gatehouse.simulator.device;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * A handful of small JPEG "faces", drawn once per process and shared by every device: a thousand terminals
 * reuse the same few base64 strings instead of holding images of their own. Real JPEGs, so that a receiver
 * that sniffs or decodes them sees what a camera would send.
 */
public final class FaceImages {
    private static final int COUNT = 6;
    private static final FaceImages SHARED = new FaceImages();

    private final List<byte[]> jpegs;
    private final List<String> base64;
    private final List<String> dataUris;
    private final String sceneBase64;

    private FaceImages() {
        System.setProperty("java.awt.headless", "true");
        jpegs = IntStream.range(0, COUNT).mapToObj(i -> jpeg(face(i))).toList();
        base64 = jpegs.stream().map(Base64.getEncoder()::encodeToString).toList();
        dataUris = base64.stream().map(b -> "data:image/jpeg;base64," + b).toList();
        sceneBase64 = Base64.getEncoder().encodeToString(jpeg(scene()));
    }

    public static FaceImages shared() {
        return SHARED;
    }

    /** The face for a person (any key: a user id, an identity id), always the same for the same key. */
    public String faceBase64(String key) {
        return base64.get(variant(key));
    }

    /**
     * The face for a person as one capture of it: the same picture with a JPEG comment naming {@code capture}, so
     * that every capture is an image of its own, as a camera's snapshots are, at the cost of one string per capture.
     */
    public String faceBase64(String key, String capture) {
        byte[] face = jpegs.get(variant(key));
        return Base64.getEncoder().encodeToString(withComment(face, capture.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code jpeg} with a comment segment (COM, {@code FF FE}) holding {@code comment} right after its SOI marker. */
    public static byte[] withComment(byte[] jpeg, byte[] comment) {
        int length = 2 + comment.length; // a segment's length counts its own two bytes, not the marker
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a JPEG comment holds at most 65,533 bytes");
        }
        byte[] out = new byte[jpeg.length + 2 + length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(comment, 0, out, 6, comment.length);
        System.arraycopy(jpeg, 2, out, 6 + comment.length, jpeg.length - 2);
        return out;
    }

    /** Which of the faces a person has: always the same one for the same key. */
    private static int variant(String key) {
        return Math.floorMod(key == null ? 0 : key.hashCode(), COUNT);
    }

    /** The face as a {@code data:image/jpeg;base64,...} URI, as V6 boxes send images. */
    public String faceDataUri(String key) {
        return dataUris.get(variant(key));
    }

    /** A wider picture of the scene in front of the camera (the SE box's {@code spot_pic}). */
    public String sceneBase64() {
        return sceneBase64;
    }

    private static BufferedImage face(int variant) {
        BufferedImage image = new BufferedImage(96, 112, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(190 + variant * 8, 205, 220 - variant * 10));
        g.fillRect(0, 0, 96, 112);
        g.setColor(new Color(235 - variant * 12, 190 - variant * 6, 160 - variant * 8));
        g.fillOval(18, 14, 60, 80);
        g.setColor(new Color(40 + variant * 20, 30, 20));
        g.fillArc(16, 6, 64, 40, 0, 180);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(34, 44, 8, 6);
        g.fillOval(54, 44, 8, 6);
        g.drawArc(38, 66, 20, 10 + variant, 200, 140);
        g.dispose();
        return image;
    }

    private static BufferedImage scene() {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 130, 140));
        g.fillRect(0, 0, 320, 180);
        g.setColor(new Color(90, 70, 50));
        g.fillRect(120, 30, 80, 150);
        g.drawImage(face(0), 140, 50, 40, 46, null);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
