package org.rnn4j.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of a valid file: bit flips, truncations, insertions of random bytes and of
 * hostile tokens (NaN, Inf, overflowing numbers and counts, invalid UTF-8, NUL, line ends), digit
 * runs replaced by huge numbers, duplicated and deleted chunks, trailing bytes, very long lines.
 */
final class Mutator {
    private static final String[] TOKENS = {"NaN", "nan", "1e400", "-1e400", "Infinity", "-Infinity", "3.5e38", "\u0000",
        "\r", "\n", "\r\n", "\t", ",", "\"", " ", "99999999999999999999", "2147483648", "4294967296", "-1", "0",
        "1e9999999", "+999999999-12", "+999999999-12-31", "{", "}", "[", "]", "null", "true", "{}", "\"x\":1,",
        "9223372036854775807", "-9223372036854775808", "1.0E-45", ">", "#", "F64", "I8", "BF16"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
    private static final String[] HUGE = {"20000", "30000", "100000", "1000000", "2147483647", "999999999999",
        "1e30", "-5", "0", "300000"};

    private final Random rng;

    Mutator(long seed) {
        this.rng = new Random(seed);
    }

    byte[] mutate(byte[] seed) {
        byte[] b = seed;
        int ops = 1 + rng.nextInt(3);
        for (int k = 0; k < ops; k++) {
            b = once(b);
        }
        return b;
    }

    private byte[] once(byte[] b) {
        int n = b.length;
        int at = n == 0 ? 0 : rng.nextInt(n + 1);
        switch (rng.nextInt(10)) {
            case 0 -> {
                byte[] c = b.clone();
                for (int i = 0, flips = 1 + rng.nextInt(4); i < flips && n > 0; i++) {
                    c[rng.nextInt(n)] ^= (byte) (1 << rng.nextInt(8));
                }
                return c;
            }
            case 1 -> {
                return Arrays.copyOf(b, at);
            }
            case 2 -> {
                byte[] r = new byte[1 + rng.nextInt(16)];
                rng.nextBytes(r);
                return insert(b, at, r);
            }
            case 3 -> {
                return insert(b, at, TOKENS[rng.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> {
                return replaceDigits(b);
            }
            case 5 -> {
                int from = n == 0 ? 0 : rng.nextInt(n);
                int len = Math.min(n - from, 1 + rng.nextInt(64));
                return insert(b, at, Arrays.copyOfRange(b, from, from + len));
            }
            case 6 -> {
                byte[] tail = switch (rng.nextInt(4)) {
                    case 0 -> "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                    case 1 -> new byte[1 + rng.nextInt(8)];
                    case 2 -> BAD_UTF8[rng.nextInt(BAD_UTF8.length)];
                    default -> "garbage\n".getBytes(StandardCharsets.UTF_8);
                };
                return insert(b, n, tail);
            }
            case 7 -> {
                if (rng.nextInt(4) != 0) {
                    return insert(b, at, HUGE[rng.nextInt(HUGE.length)].getBytes(StandardCharsets.US_ASCII));
                }
                byte[] run = new byte[20_000 + rng.nextInt(80_000)];
                Arrays.fill(run, (byte) "9a \t,.e".charAt(rng.nextInt(7)));
                return insert(b, at, run);
            }
            case 8 -> {
                int len = Math.min(n - Math.min(at, n), 1 + rng.nextInt(32));
                byte[] c = new byte[n - len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + len, c, at, n - at - len);
                return c;
            }
            default -> {
                return insert(b, at, BAD_UTF8[rng.nextInt(BAD_UTF8.length)]);
            }
        }
    }

    /** One run of ASCII digits replaced by a huge, negative or zero number. */
    private byte[] replaceDigits(byte[] b) {
        int n = b.length;
        if (n == 0) {
            return b;
        }
        int start = rng.nextInt(n);
        while (start < n && (b[start] < '0' || b[start] > '9')) {
            start++;
        }
        if (start == n) {
            return b;
        }
        int end = start;
        while (end < n && b[end] >= '0' && b[end] <= '9') {
            end++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        out.write(b, 0, start);
        out.writeBytes(HUGE[rng.nextInt(HUGE.length)].getBytes(StandardCharsets.US_ASCII));
        out.write(b, end, n - end);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }
}
