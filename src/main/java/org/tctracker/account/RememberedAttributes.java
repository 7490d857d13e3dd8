package org.tctracker.account;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * How session attributes become bytes in the session table and back. Every signed-in request
 * reads its session row, and turning the sign-in and the form token back into objects by Java
 * deserialization was the costliest part of it. The same bytes always give the same value, so the
 * values last read are remembered by their bytes: a request whose row holds the bytes seen before
 * gets the value without deserializing. Only values nobody changes are shared this way — the
 * sign-in (each request gets its own security context around it, since signing out empties the
 * context) and the form token; any other attribute is deserialized afresh each time.
 */
final class RememberedAttributes extends GenericConversionService {

    static final int REMEMBERED = 256;

    private final DeserializingConverter deserializer;
    private final Map<Bytes, Object> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, Object> eldest) {
            return size() > REMEMBERED;
        }
    };

    RememberedAttributes(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
        addConverter(Object.class, byte[].class, new SerializingConverter());
        addConverter(byte[].class, Object.class, this::valueOf);
    }

    private @Nullable Object valueOf(byte[] bytes) {
        Bytes key = new Bytes(bytes);
        Object known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        if (known == null) {
            Object read = deserializer.convert(bytes);
            known = shareable(read);
            if (known == null) {
                return read;
            }
            synchronized (remembered) {
                remembered.put(key, known);
            }
        }
        return known instanceof Authentication authentication ? new SecurityContextImpl(authentication) : known;
    }

    /** What may be handed to several requests at once, or null when the value is not one of those. */
    private static @Nullable Object shareable(@Nullable Object value) {
        if (value instanceof SecurityContext context && context.getClass() == SecurityContextImpl.class) {
            return context.getAuthentication();
        }
        if (value instanceof CsrfToken) {
            return value;
        }
        return null;
    }

    int rememberedCount() {
        synchronized (remembered) {
            return remembered.size();
        }
    }

    /** Bytes compared by content. */
    private static final class Bytes {
        private final byte[] bytes;
        private final int hash;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
