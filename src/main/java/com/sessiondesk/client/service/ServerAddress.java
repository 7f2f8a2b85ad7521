package com.sessiondesk.client.service;

import com.sessiondesk.client.common.Messages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A server URL the admin typed, checked: https, or plain http only to this computer (loopback),
 * so that passwords and tokens never cross a network in clear text.
 */
public final class ServerAddress {

    private ServerAddress() {
    }

    /** The normalized base URL (ending in "/"); throws IllegalArgumentException with a message to show. */
    public static String validate(String typed) {
        String text = typed == null ? "" : typed.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("address.empty"));
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.format("address.invalid", text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(Messages.get("address.scheme"));
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(Messages.format("address.noHost", text));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(Messages.get("address.extra"));
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException(Messages.format("address.plainHttp", host));
        }
        return text.endsWith("/") ? text : text + "/";
    }

    /** localhost, 127.0.0.0/8 and ::1, decided from the text alone (no DNS lookup). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
