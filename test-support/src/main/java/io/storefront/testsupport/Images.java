package io.storefront.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that bytes are a real drawn image, not an empty or blank one. */
public final class Images {

    private Images() {
    }

    /**
     * Decodes {@code bytes} as an image and fails unless it is at least {@code minWidth} wide, draws
     * on at least 2 % of its pixels and uses at least 8 colours (text, axes and series, anti-aliased).
     */
    public static BufferedImage assertRealChart(byte[] bytes, int minWidth) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) throw new AssertionError("not a decodable image (" + bytes.length + " bytes)");
        if (image.getWidth() < minWidth) throw new AssertionError("image is only " + image.getWidth() + " px wide");
        int background = image.getRGB(0, 0);
        long drawn = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (rgb != background) drawn++;
                if (colours.size() < 1000) colours.add(rgb);
            }
        }
        double share = drawn / (double) (image.getWidth() * image.getHeight());
        if (share < 0.02) throw new AssertionError("image is nearly blank: " + share * 100 + " % drawn");
        if (colours.size() < 8) throw new AssertionError("image has only " + colours.size() + " colours");
        return image;
    }
}
