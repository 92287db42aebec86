package org.xinfang.rest.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON request body as it is read, checked byte by byte so that nothing unchecked reaches a parser: at most
 * {@code limit} bytes, strict UTF-8 (no overlong forms such as {@code C0 AF}, no encoded surrogates, nothing
 * above U+10FFFF), no {@code \}{@code u} escape that leaves a surrogate unpaired, and arrays and objects nested at
 * most {@link #MAX_DEPTH} deep. A body that breaks a rule fails the read with {@link RefusedInput}, before the
 * resource has parsed it whole, so it is never stored.
 */
public final class GuardedBody extends FilterInputStream {
    /** How deep arrays and objects may nest: every body of the API nests fewer than ten levels. */
    public static final int MAX_DEPTH = 64;

    private final long limit;
    private long count;
    // UTF-8 decoding: bytes still expected in the current sequence, the code point so far, its first byte's bound
    private int pending;
    private int codePoint;
    private int minimum;
    // JSON lexing, enough to know strings, escapes and nesting
    private boolean inString;
    private int escape; // 0 none, 1 after a backslash, 2..5 reading the four hex digits of a u-escape
    private int hex;
    private boolean highSurrogate; // the last u-escape was a high surrogate; the next must be a low one
    private boolean afterHigh; // a high surrogate's escape ended just now: only a backslash may follow
    private int depth;

    private final boolean json;

    /** A JSON body: bounded, strict UTF-8, surrogate escapes paired, nesting bounded. */
    public GuardedBody(InputStream in, long limit) {
        this(in, limit, true);
    }

    /** A body that is JSON ({@code json}) or plain text: plain text is only bounded and strict UTF-8. */
    public GuardedBody(InputStream in, long limit, boolean json) {
        super(in);
        this.limit = limit;
        this.json = json;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xff);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int read = read(buf, 0, buf.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void end() throws RefusedInput {
        if (pending > 0 || highSurrogate) {
            throw RefusedInput.encoding("body"); // cut inside a character, or after half a surrogate pair
        }
    }

    private void check(int b) throws RefusedInput {
        if (++count > limit) {
            throw RefusedInput.tooLarge(limit);
        }
        utf8(b);
        if (json && pending == 0) {
            json(b);
        }
    }

    /** Strict UTF-8 (RFC 3629): the shortest form only, no surrogates, nothing above U+10FFFF. */
    private void utf8(int b) throws RefusedInput {
        if (pending > 0) {
            if ((b & 0xc0) != 0x80) {
                throw RefusedInput.encoding("body");
            }
            codePoint = codePoint << 6 | b & 0x3f;
            if (--pending == 0 && (codePoint < minimum || codePoint > 0x10ffff
                    || codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                throw RefusedInput.encoding("body");
            }
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xc2 && b <= 0xdf) {
            pending = 1;
            codePoint = b & 0x1f;
            minimum = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            pending = 2;
            codePoint = b & 0x0f;
            minimum = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            pending = 3;
            codePoint = b & 0x07;
            minimum = 0x10000;
        } else {
            throw RefusedInput.encoding("body"); // 80-BF alone, C0 and C1 (always overlong), F5-FF
        }
    }

    /** Strings, escapes and nesting; the parser checks the rest of the grammar. Called per character. */
    private void json(int b) throws RefusedInput {
        if (afterHigh && !(inString && escape == 0 && b == '\\')) {
            throw RefusedInput.encoding("body"); // a high surrogate not followed by an escape at all
        }
        afterHigh = false;
        if (inString) {
            if (escape == 1) {
                if (b == 'u') {
                    escape = 2;
                    hex = 0;
                } else {
                    if (highSurrogate) {
                        throw RefusedInput.encoding("body");
                    }
                    escape = 0;
                }
            } else if (escape >= 2) {
                int digit = Character.digit(b, 16);
                if (digit < 0) {
                    throw RefusedInput.encoding("body");
                }
                hex = hex << 4 | digit;
                if (++escape == 6) {
                    escape = 0;
                    boolean high = hex >= 0xd800 && hex <= 0xdbff;
                    boolean low = hex >= 0xdc00 && hex <= 0xdfff;
                    if (highSurrogate != low) {
                        throw RefusedInput.encoding("body"); // a low one alone, or a high one not followed by a low one
                    }
                    highSurrogate = high;
                    afterHigh = high;
                }
            } else if (b == '\\') {
                escape = 1;
            } else if (highSurrogate) {
                throw RefusedInput.encoding("body");
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '[', '{' -> {
                if (++depth > MAX_DEPTH) {
                    throw RefusedInput.tooDeep();
                }
            }
            case ']', '}' -> depth = Math.max(0, depth - 1);
            default -> {
            }
        }
    }
}
