package io.gatehouse.server.access.directory;

import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.KindNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The codec of every kind, in the order an import applies them (what is referred to comes first). */
public final class Codecs {
    public static final List<EntityCodec<?>> ALL = List.of(new SiteCodec(), new GroupCodec(), new ScheduleCodec(),
            new DoorCodec(), new PersonCodec(), new RuleCodec(), new PassbackCodec());

    private static final Map<String, EntityCodec<?>> BY_PATH = new LinkedHashMap<>();

    static {
        ALL.forEach(codec -> BY_PATH.put(KindNames.plural(codec.kind()), codec));
    }

    private Codecs() {
    }

    /** The codec for an API path segment ({@code people}), or {@code null}. */
    public static EntityCodec<?> byPath(String plural) {
        return BY_PATH.get(plural);
    }

    public static EntityCodec<?> of(Class<? extends DirectoryEntry> kind) {
        for (EntityCodec<?> codec : ALL) {
            if (codec.kind() == kind) {
                return codec;
            }
        }
        throw new IllegalArgumentException("no codec for " + kind);
    }

    public static List<String> paths() {
        return List.copyOf(BY_PATH.keySet());
    }
}
