package io.storefront.sentiment.domain.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear model over binarized n-grams and a few dense features:
 * margin = bias + the weights of the n-grams present + dense weights · dense features.
 */
public record LinearModel(int maxN, boolean characters, Map<String, Float> weights, double[] denseWeights,
                          double bias) {

    private static final int FORMAT = 1;

    public double margin(List<String> tokens, double... dense) {
        return margin(NgramFeatures.of(tokens, maxN, characters), dense);
    }

    public double margin(Set<String> grams, double... dense) {
        double m = bias;
        for (int e = 0; e < denseWeights.length; e++) m += denseWeights[e] * dense[e];
        for (String g : grams) {
            Float w = weights.get(g);
            if (w != null) m += w;
        }
        return m;
    }

    /** A compact, versioned binary form (gzip) to keep in the database. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                out.writeInt(FORMAT);
                out.writeInt(maxN);
                out.writeBoolean(characters);
                out.writeDouble(bias);
                out.writeInt(denseWeights.length);
                for (double d : denseWeights) out.writeDouble(d);
                out.writeInt(weights.size());
                for (var e : weights.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeFloat(e.getValue());
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LinearModel fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException("unknown model format " + format);
            int maxN = in.readInt();
            boolean characters = in.readBoolean();
            double bias = in.readDouble();
            double[] dense = new double[in.readInt()];
            for (int e = 0; e < dense.length; e++) dense[e] = in.readDouble();
            int n = in.readInt();
            Map<String, Float> weights = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) weights.put(in.readUTF(), in.readFloat());
            return new LinearModel(maxN, characters, weights, dense, bias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
