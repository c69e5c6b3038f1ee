package dev.atlmcp.platform.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Reads an attachment for the model: text-like files (logs, CSV, JSON, Markdown, ...) as text, of which at most
 * {@value #MAX_TEXT} characters are shown, images up to {@value #MAX_IMAGE} bytes as image content; anything else, or
 * anything larger, is refused with a pointer to the product.
 */
public final class AttachmentReader {

    /** The most characters of a text attachment an answer shows. */
    public static final int MAX_TEXT = 20_000;
    /** The largest image returned as image content. */
    public static final long MAX_IMAGE = 1_000_000;
    /** The largest text attachment downloaded to show its start. */
    static final long MAX_DOWNLOAD = 10_000_000;
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml", "application/yaml",
            "application/x-yaml", "application/csv", "application/x-sh", "application/javascript", "application/sql");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("log", "txt", "csv", "json", "md", "xml", "yaml",
            "yml", "sql", "sh", "properties", "conf", "ini", "out", "trace");
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** An attachment as its product describes it. */
    public record File(String name, String mimeType, long size) {
    }

    /** Text (the start shown, and the length of all of it) or image bytes. */
    public record Content(String text, int totalChars, byte[] image) {

        /** A line saying only the start of the text is shown, or nothing when all of it is. */
        public String cutNote() {
            return totalChars > text.length() ? "Showing the first " + text.length() + " of " + totalChars
                    + " characters.\n" : "";
        }
    }

    /** A file size as people read it: B, KB or MB. */
    public static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? bytes / 1024 + " KB" : bytes / (1024 * 1024)
                + " MB";
    }

    private AttachmentReader() {
    }

    /**
     * @param product
     *            where a refused file can be opened instead, e.g. Jira
     * @param download
     *            the file's bytes, fetched only when they will be shown
     */
    public static Content read(File file, String product, Supplier<byte[]> download) {
        String type = file.mimeType() == null ? "" : file.mimeType().toLowerCase(Locale.ROOT);
        if (IMAGE_TYPES.contains(type)) {
            if (file.size() > MAX_IMAGE) {
                throw new ToolRefusal(file.name() + " is an image of " + file.size() / 1024 + " KB; images over "
                        + MAX_IMAGE / 1000 + " KB are not sent to the model. Open it in " + product + ".");
            }
            return new Content(null, 0, download.get());
        }
        if (!isText(type, file.name())) {
            throw new ToolRefusal(file.name() + " (" + type + ", " + file.size() / 1024 + " KB) can be read neither "
                    + "as text nor as an image here. Open it in " + product + ".");
        }
        if (file.size() > MAX_DOWNLOAD) {
            throw new ToolRefusal(file.name() + " is " + file.size() / 1_000_000 + " MB; text attachments over "
                    + MAX_DOWNLOAD / 1_000_000 + " MB are not read. Open it in " + product + ".");
        }
        String text = new String(download.get(), StandardCharsets.UTF_8);
        return new Content(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, text.length(), null);
    }

    /**
     * The bytes of a download, refused once they pass the most this class downloads (whatever size the product
     * announced for the file).
     */
    public static byte[] readAtMost(InputStream in, String name, String product) {
        try (in) {
            byte[] bytes = in.readNBytes((int) MAX_DOWNLOAD + 1);
            if (bytes.length > MAX_DOWNLOAD) {
                throw new ToolRefusal(name + " is over " + MAX_DOWNLOAD / 1_000_000 + " MB as downloaded; it is not "
                        + "read. Open it in " + product + ".");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(String type, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return type.startsWith("text/") || TEXT_TYPES.contains(type) || TEXT_EXTENSIONS.contains(extension);
    }
}
