package com.sessiondesk.server.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address of the client a request comes from: the connection's peer, unless that peer is one
 * of the configured trusted proxies ({@code serve --trusted-proxy}); then the right-most address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy. A header from anyone else is ignored,
 * so a client cannot choose its own address. Only IP literals are read (no name is ever resolved).
 */
public final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    /** @param trustedProxies IP addresses of the reverse proxies (IPv4 or IPv6 literals) */
    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(ClientAddress::normalize)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The client's address of this request, normalized (e.g. {@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}). */
    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), ctx.req().getHeaders(FORWARDED_FOR));
    }

    String resolve(String peer, Enumeration<String> forwardedHeaders) {
        String client = normalize(peer);
        if (client == null) {
            client = peer;
        }
        if (!trustedProxies.contains(client) || forwardedHeaders == null) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedHeaders.hasMoreElements()) {
            for (String hop : forwardedHeaders.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        // Right to left: each trusted proxy vouches for the hop before it; the first hop that is not
        // a trusted proxy is the client. A malformed hop ends the walk at the last trusted one.
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalize(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The canonical text of an IP literal, or null when it is not one. */
    static String normalize(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean literal = text.contains(":") ? IPV6.matcher(text).matches() : IPV4.matcher(text).matches();
        if (!literal) {
            return null;
        }
        try {
            // An IP literal: getByName parses it without any lookup.
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
