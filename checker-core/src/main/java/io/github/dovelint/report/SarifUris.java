package io.github.dovelint.report;

import java.nio.charset.StandardCharsets;

/**
 * Turns a relative source path into a relative URI reference for SARIF's
 * {@code artifactLocation.uri}, which must be a valid URI: kernel trees have
 * no spaces, but user trees may, and a {@code :} in the first segment would
 * read as a URI scheme.
 */
final class SarifUris {

    private static final String KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/";

    private SarifUris() {
    }

    /** {@code dir/my file.c} becomes {@code dir/my%20file.c}; backslashes become slashes. */
    static String relative(String path) {
        StringBuilder uri = new StringBuilder(path.length());
        for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && KEPT.indexOf(c) >= 0) {
                uri.append(c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return uri.toString();
    }
}
