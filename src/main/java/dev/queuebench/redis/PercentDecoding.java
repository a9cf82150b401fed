package dev.queuebench.redis;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of a URL's user info, as UTF-8. Unlike {@link java.net.URLDecoder} it
 * leaves {@code +} alone: that is form encoding, not URL encoding, and {@code +} is common in tokens.
 */
final class PercentDecoding {
    private static final String USER_INFO_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=";

    private PercentDecoding() {
    }

    /**
     * Decodes {@code %XX} sequences.
     *
     * @param what names the part in the error ("user", "password"); the value itself is never shown
     * @param url  the whole URL, shown redacted in the error
     */
    static String decode(String encoded, String what, String url) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                continue;
            }
            if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                    || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                throw new IllegalArgumentException("Invalid Redis URL " + UrlRedaction.redact(url) + ": the " + what
                        + " has a '%' not followed by two hex digits; write a literal '%' as %25");
            }
            bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Invalid Redis URL " + UrlRedaction.redact(url) + ": the " + what
                    + " is percent-encoded but not valid UTF-8");
        }
    }

    /** Encodes what a URL's user info cannot hold literally (':', '@', '/', '%', spaces, non-ASCII). */
    static String encodeUserInfo(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && USER_INFO_SAFE.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
