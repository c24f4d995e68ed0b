package io.storefront.analytics.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG writer tuned for charts: RGB, the "Up" row filter (chart rows repeat their neighbours, so most
 * of a filtered image is zeros) and the fastest deflate level. ImageIO's writer takes about 10 ms for a
 * 900×480 chart; this one a fraction of that, for files of similar size.
 */
final class FastPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private FastPng() {
    }

    static byte[] encode(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
        }
        int width = rgb.getWidth(), height = rgb.getHeight();
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        int stride = width * 3;
        // filtered rows start zeroed: a row equal to the one above (most rows of a chart's margins and
        // plot area) or a pixel equal to the one above needs no writing
        byte[] raw = new byte[height * (stride + 1)];
        for (int y = 0, at = 0; y < height; y++) {
            int row = y * width, up = row - width;
            raw[at++] = 2; // filter: Up
            if (y == 0) {
                for (int x = 0; x < width; x++, at += 3) {
                    int p = pixels[row + x];
                    raw[at] = (byte) (p >> 16);
                    raw[at + 1] = (byte) (p >> 8);
                    raw[at + 2] = (byte) p;
                }
            } else if (Arrays.equals(pixels, row, row + width, pixels, up, up + width)) {
                at += stride;
            } else {
                for (int x = 0; x < width; x++, at += 3) {
                    int p = pixels[row + x], above = pixels[up + x];
                    if (p == above) continue;
                    raw[at] = (byte) ((p >> 16) - (above >> 16));
                    raw[at + 1] = (byte) ((p >> 8) - (above >> 8));
                    raw[at + 2] = (byte) (p - above);
                }
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 16);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            compressed.write(buffer, 0, n);
        }
        deflater.end();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.size() + 64);
            DataOutputStream data = new DataOutputStream(out);
            data.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8);  // bits per sample
            h.writeByte(2);  // colour type: RGB
            h.writeByte(0);  // deflate
            h.writeByte(0);  // adaptive filtering
            h.writeByte(0);  // no interlace
            chunk(data, "IHDR", header.toByteArray());
            chunk(data, "IDAT", compressed.toByteArray());
            chunk(data, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(name);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
