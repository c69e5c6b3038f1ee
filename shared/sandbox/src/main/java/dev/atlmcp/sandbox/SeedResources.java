package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.http.Json;

/** Seed documents shipped with the sandbox: the ADF corpus copies under {@code /sandbox/adf/} and product files. */
public final class SeedResources {

    private SeedResources() {
    }

    /** A JSON seed file: a bare name is taken from the ADF corpus, a path from {@code /sandbox/}. */
    public static JsonNode adf(String resource) {
        String path = resource.contains("/") ? "/sandbox/" + resource : "/sandbox/adf/" + resource;
        try (InputStream in = SeedResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed resource " + path);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small chart-like image: a rising red line on white. */
    public static byte[] chartPng() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 32,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 32; y++) {
                image.setRGB(x, y, y == 31 - x / 2 ? 0xCC0000 : 0xFFFFFF);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
