package io.storefront.analytics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FastPngTest {

    @Test
    void decodesToTheSamePixels() throws Exception {
        BufferedImage image = new BufferedImage(317, 123, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 317, 123);
        g.setColor(new Color(0x2563EB));
        g.fillRect(20, 30, 100, 50);
        g.drawString("Revenue 1,234", 150, 60);
        g.dispose();
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) image.setRGB(random.nextInt(317), random.nextInt(123), random.nextInt(1 << 24));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(FastPng.encode(image)));
        assertEquals(317, decoded.getWidth());
        assertEquals(123, decoded.getHeight());
        for (int y = 0; y < 123; y++) {
            for (int x = 0; x < 317; x++) {
                assertEquals(image.getRGB(x, y) & 0xFFFFFF, decoded.getRGB(x, y) & 0xFFFFFF, x + "," + y);
            }
        }
    }
}
