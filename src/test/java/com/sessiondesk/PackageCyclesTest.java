package com.sessiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, read from the sources of src/main/java: no package
 * cycle, nothing in {@code server} uses {@code client}, {@code client.common} uses no feature
 * package, a view model never uses a controller. A use is an import, a static import or a
 * fully-qualified name written in code; comments and string literals do not count.
 */
class PackageCyclesTest {

    private static final String ROOT = "com.sessiondesk";
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** {@code com.sessiondesk.a.b.Type} or {@code com.sessiondesk.a.b.*}: the package is the lower-case part. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\bcom\\.sessiondesk((?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z]\\w*|\\*)");
    private static final Pattern CONTROLLER_NAME = Pattern.compile("\\b(\\w+Controller)\\b");
    private static final Set<String> CLIENT_FEATURES = Set.of(
            "sessions", "users", "history", "logout", "export", "password", "connect", "shell");

    /** One source file: its class, its package (without the root) and its code without comments. */
    record Source(String type, String pkg, String code) {}

    /** A use of another package: which class uses which type. */
    record Use(String from, String to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    private static List<Source> sources;
    /** package -> package it uses -> first example (sorted, so the messages are stable). */
    private static Map<String, Map<String, Use>> graph;

    @BeforeAll
    static void readSources() throws IOException {
        sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String code = withoutCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8));
                Matcher pkg = PACKAGE.matcher(code);
                assertThat(pkg.find()).as("package declaration of %s", file).isTrue();
                String type = file.getFileName().toString().replace(".java", "");
                sources.add(new Source(type, shortName(pkg.group(1)), code));
            }
        }
        graph = new TreeMap<>();
        for (Source source : sources) {
            Map<String, Use> uses = graph.computeIfAbsent(source.pkg(), p -> new TreeMap<>());
            Matcher ref = REFERENCE.matcher(source.code());
            while (ref.find()) {
                String to = ref.group(1).isEmpty() ? "(root)" : ref.group(1).substring(1);
                if (!to.equals(source.pkg())) {
                    String from = qualified(source.pkg(), source.type());
                    uses.putIfAbsent(to, new Use(from, qualified(to, ref.group(2))));
                }
            }
        }
    }

    @Test
    void readsTheWholeTree() {
        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(graph).containsKeys("(root)", "api", "client.common", "client.sessions", "server.store");
        assertThat(graph.get("client.sessions")).containsKeys("client.common", "api");
    }

    @Test
    void noPackageCycles() {
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder text = new StringBuilder("cycle between " + component + ":");
            for (String from : component) {
                graph.getOrDefault(from, Map.of()).forEach((to, use) -> {
                    if (component.contains(to)) {
                        text.append("\n    ").append(from).append(" -> ").append(to).append(" (").append(use).append(')');
                    }
                });
            }
            cycles.add(text.toString());
        }
        assertThat(cycles).as("package cycles in src/main/java").isEmpty();
    }

    @Test
    void serverNeverUsesClient() {
        assertThat(usesOf(p -> isIn(p, "server"), p -> isIn(p, "client")))
                .as("uses of client in server").isEmpty();
    }

    @Test
    void clientCommonUsesNoFeaturePackage() {
        assertThat(usesOf(p -> p.equals("client.common"),
                        p -> p.startsWith("client.") && CLIENT_FEATURES.contains(p.substring("client.".length()).split("\\.")[0])))
                .as("uses of a feature package in client.common").isEmpty();
    }

    @Test
    void aViewModelNeverUsesAController() {
        Set<String> controllers = new TreeSet<>();
        sources.stream().filter(s -> s.type().endsWith("Controller")).forEach(s -> controllers.add(s.type()));
        assertThat(controllers).as("controllers found").contains("SessionsController", "MainController");
        List<String> uses = new ArrayList<>();
        for (Source source : sources.stream().filter(s -> s.type().endsWith("ViewModel")).toList()) {
            Matcher name = CONTROLLER_NAME.matcher(source.code());
            while (name.find()) {
                if (controllers.contains(name.group(1))) {
                    uses.add(source.type() + " -> " + name.group(1));
                }
            }
        }
        assertThat(uses).as("view models that use a controller").isEmpty();
    }

    private static List<Use> usesOf(java.util.function.Predicate<String> from, java.util.function.Predicate<String> to) {
        List<Use> found = new ArrayList<>();
        graph.forEach((pkg, uses) -> {
            if (from.test(pkg)) {
                uses.forEach((target, use) -> {
                    if (to.test(target)) {
                        found.add(use);
                    }
                });
            }
        });
        return found;
    }

    private static boolean isIn(String pkg, String top) {
        return pkg.equals(top) || pkg.startsWith(top + ".");
    }

    private static String shortName(String pkg) {
        if (pkg.equals(ROOT)) {
            return "(root)";
        }
        assertThat(pkg).startsWith(ROOT + ".");
        return pkg.substring(ROOT.length() + 1);
    }

    private static String qualified(String pkg, String type) {
        return pkg.equals("(root)") ? type : pkg + "." + type;
    }

    /** Tarjan's algorithm, iterative enough for a few dozen packages. */
    static List<Set<String>> stronglyConnected(Map<String, Map<String, Use>> edges) {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(m -> nodes.addAll(m.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, Use>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components,
            int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    /** The code with comments, string, text block and char literals blanked out (line breaks kept). */
    static String withoutCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                blank(text, i, end, out);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < text.length() && !text.startsWith("\"\"\"", end)) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(text.length(), end + 3);
                out.append("\"\"\"");
                blank(text, i + 3, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(text.length(), end + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                out.append('\n');
            }
        }
    }

    @Test
    void commentsAndStringsDoNotCount() {
        String code = withoutCommentsAndStrings("""
                import com.sessiondesk.api.Session; // com.sessiondesk.client.X
                /* com.sessiondesk.server.Y */ class A { String s = "com.sessiondesk.cli.Z \\" x"; char q = '"';
                com.sessiondesk.simulate.W w; }
                """);
        List<String> found = new ArrayList<>();
        Matcher ref = REFERENCE.matcher(code);
        while (ref.find()) {
            found.add(ref.group(1) + "." + ref.group(2));
        }
        assertThat(found).containsExactly(".api.Session", ".simulate.W");
    }
}
