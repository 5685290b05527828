package io.gatehouse.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The hub's OpenAPI document, assembled at start from every {@code openapi/*.yaml} fragment on the classpath, so each
 * feature describes its own endpoints in its own file. Fragments are merged in file-name order: objects merge key by
 * key, {@code tags} lists are joined, and the same key with two different values in two fragments is an error at
 * start naming the key and both files (two features claiming one path, or one schema name defined twice). The
 * first fragment ({@code 000-gatehouse.yaml}) owns the document's {@code openapi} version and {@code info}; a
 * feature's fragment may carry its own, to stand alone as a document, and they are ignored here.
 */
public final class OpenApiDocument {
    static final String DIRECTORY = "openapi";
    /** Top-level keys the first fragment decides; later fragments' values are theirs alone. */
    private static final Set<String> DOCUMENT_KEYS = Set.of("openapi", "info", "jsonSchemaDialect");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiDocument() {
    }

    public static ObjectNode assemble(ClassLoader loader) {
        Map<String, URL> fragments = fragments(loader);
        if (fragments.isEmpty()) {
            throw new IllegalStateException("no OpenAPI fragments found under " + DIRECTORY + "/ on the classpath");
        }
        ObjectNode document = YAML.createObjectNode();
        Map<String, String> origins = new TreeMap<>();
        for (Map.Entry<String, URL> fragment : fragments.entrySet()) {
            JsonNode tree;
            try (InputStream in = fragment.getValue().openStream()) {
                tree = YAML.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("OpenAPI fragment " + fragment.getKey() + " is not valid YAML: "
                        + e.getMessage(), e);
            }
            if (tree == null || !tree.isObject()) {
                throw new IllegalStateException("OpenAPI fragment " + fragment.getKey() + " is not a YAML mapping");
            }
            merge(document, (ObjectNode) tree, "", fragment.getKey(), origins);
        }
        return document;
    }

    private static void merge(ObjectNode into, ObjectNode from, String path, String file, Map<String, String> origins) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            String key = path.isEmpty() ? field.getKey() : path + "/" + field.getKey();
            JsonNode existing = into.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing != null && path.isEmpty() && DOCUMENT_KEYS.contains(field.getKey())) {
                continue;
            }
            if (existing == null) {
                into.set(field.getKey(), value.deepCopy());
                origins.put(key, file);
            } else if (existing.isObject() && value.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, key, file, origins);
            } else if (key.equals("tags") && existing.isArray() && value.isArray()) {
                value.forEach(tag -> ((ArrayNode) existing).add(tag.deepCopy()));
            } else if (!existing.equals(value)) {
                throw new IllegalStateException("OpenAPI fragments " + originOf(key, origins) + " and " + file
                        + " both define " + key + " differently");
            }
        }
    }

    private static String originOf(String key, Map<String, String> origins) {
        String k = key;
        while (!origins.containsKey(k) && k.contains("/")) {
            k = k.substring(0, k.lastIndexOf('/'));
        }
        return origins.getOrDefault(k, "?");
    }

    /** Every {@code openapi/*.yaml} resource, in directories and jars alike, by file name. */
    private static Map<String, URL> fragments(ClassLoader loader) {
        Map<String, URL> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(DIRECTORY);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (String name : list(root)) {
                    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                        URL url = loader.getResource(DIRECTORY + "/" + name);
                        if (found.putIfAbsent(name, url) != null && !found.get(name).equals(url)) {
                            throw new IllegalStateException("two OpenAPI fragments named " + name + " on the classpath");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> list(URL root) throws IOException {
        List<String> names = new ArrayList<>();
        if (root.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if (root.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = DIRECTORY + "/";
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && name.length() > prefix.length()) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            }
        }
        return names;
    }
}
