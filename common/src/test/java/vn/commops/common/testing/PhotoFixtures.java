package vn.commops.common.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/** Photos made in the test: a JPEG of random colour (so each is new content) with an EXIF segment written here. */
public final class PhotoFixtures {

    private PhotoFixtures() {
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    /** A JPEG whose EXIF says it was taken at {@code localTime} (yyyy:MM:dd HH:mm:ss) {@code offset}, there. */
    public static byte[] jpegWithExif(int width, int height, String localTime, String offset, double latitude,
            double longitude) {
        byte[] jpeg = image(width, height, "jpg");
        byte[] tiff = tiff(localTime, offset, latitude, longitude);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        app1.put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
        byte[] out = new byte[jpeg.length + app1.capacity()];
        // right after SOI (FF D8), where readers look for APP1
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app1.array(), 0, out, 2, app1.capacity());
        System.arraycopy(jpeg, 2, out, 2 + app1.capacity(), jpeg.length - 2);
        return out;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillOval(random.nextInt(width / 2), random.nextInt(height / 2), width / 3, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A little-endian TIFF: IFD0 pointing to an Exif IFD (DateTimeOriginal, OffsetTimeOriginal) and a GPS IFD. */
    private static byte[] tiff(String localTime, String offset, double latitude, double longitude) {
        ByteBuffer b = ByteBuffer.allocate(198).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: ExifIFDPointer -> 38, GPSInfo -> 96
        b.position(8);
        b.putShort((short) 2);
        entry(b, 0x8769, 4, 1, 38);
        entry(b, 0x8825, 4, 1, 96);
        b.putInt(0);
        // Exif IFD at 38: DateTimeOriginal (20 bytes at 68), OffsetTimeOriginal (7 bytes at 88)
        b.putShort((short) 2);
        entry(b, 0x9003, 2, 20, 68);
        entry(b, 0x9011, 2, 7, 88);
        b.putInt(0);
        b.put(68, (localTime + "\0").getBytes(StandardCharsets.US_ASCII));
        b.put(88, (offset + "\0").getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 96: refs inline, degrees/minutes/seconds as rationals at 150 and 174
        b.position(96);
        b.putShort((short) 4);
        inlineAscii(b, 1, latitude >= 0 ? 'N' : 'S');
        entry(b, 2, 5, 3, 150);
        inlineAscii(b, 3, longitude >= 0 ? 'E' : 'W');
        entry(b, 4, 5, 3, 174);
        b.putInt(0);
        b.position(150);
        degrees(b, Math.abs(latitude));
        degrees(b, Math.abs(longitude));
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int valueOrOffset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    private static void inlineAscii(ByteBuffer b, int tag, char value) {
        b.putShort((short) tag).putShort((short) 2).putInt(2).put((byte) value).put((byte) 0).putShort((short) 0);
    }

    private static void degrees(ByteBuffer b, double value) {
        int degrees = (int) value;
        int minutes = (int) ((value - degrees) * 60);
        long seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 10000);
        b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) seconds).putInt(10000);
    }
}
