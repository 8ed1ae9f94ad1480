package vn.commops.activity.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.commops.common.problem.ProblemException;

/**
 * Small JPEGs of photos for a reviewer's list. The photo is decoded subsampled to about twice the thumbnail's
 * size, so a 24-megapixel photo never becomes a 100 MB bitmap in memory.
 */
@ApplicationScoped
class Thumbnails {

    private final int longestSide;

    Thumbnails(EvidenceConfig config) {
        this.longestSide = config.thumbnailSize();
    }

    byte[] of(InputStream image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw undecodable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * longestSide));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                return jpeg(scaled(decoded));
            } catch (IOException | RuntimeException e) {
                throw undecodable();
            } finally {
                reader.dispose();
            }
        }
    }

    private BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, (double) longestSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return thumbnail;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static ProblemException undecodable() {
        return new ProblemException(422, "undecodable-image", "Image cannot be decoded",
                "The stored image cannot be decoded for a thumbnail; download its content instead", List.of());
    }
}
