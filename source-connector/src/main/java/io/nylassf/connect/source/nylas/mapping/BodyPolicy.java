package io.nylassf.connect.source.nylas.mapping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bounds message bodies: over {@code maxBytes} of UTF-8 a body is cut on a character boundary, or dropped. */
public record BodyPolicy(int maxBytes, boolean drop) {
    /** The body to write and whether it was shortened. */
    public record Result(String body, boolean truncated) {
    }

    public Result apply(String body) {
        if (body == null) {
            return new Result(null, false);
        }
        // Fast path: every char is at most 3 UTF-8 bytes (surrogate pairs 4 for 2 chars).
        if ((long) body.length() * 3 <= maxBytes || utf8Length(body) <= maxBytes) {
            return new Result(body, false);
        }
        if (drop) {
            return new Result(null, true);
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        CharBuffer in = CharBuffer.wrap(body);
        encoder.encode(in, out, true); // stops before a character that does not fit whole
        return new Result(body.substring(0, in.position()), true);
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
