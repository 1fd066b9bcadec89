package io.demodeck.importer.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic mutations of a valid file: the same seed bytes and the same random state give the same result,
 * so a failing input is reproduced from (format, seed, iteration) alone. Each call stacks one to four mutations
 * and says which it applied, for the failure message.
 */
public final class Mutator {

    /** Inputs stay well under the upload limit so that the size check never hides a parser bug. */
    static final int MAX_SIZE = 4 * 1024 * 1024;

    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xc3}, {(byte) 0x80}, {(byte) 0xff}, {(byte) 0xfe}, {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    private static final byte[][] BOMS = {
            {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, {(byte) 0xfe, (byte) 0xff}, {(byte) 0xff, (byte) 0xfe},
            {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0xef, (byte) 0xbb, (byte) 0xbf}};
    private static final String[] COMMON_TOKENS = {
            "\n", "\r", "\r\n", "\n\n", "\t", " ", "\u0000", "\u001f", "\u00a0", "\u2028", "\uFEFF", "\uD83D\uDE00",
            "\u202e", "Ж", "0", "-1", "1e309", "NaN", "99999999999999999999", "\\", "\"", "'", "<", ">", "&"};

    private final List<byte[]> tokens;

    /** @param formatTokens the format's significant tokens (braces, tags, headers…), inserted and repeated */
    public Mutator(List<String> formatTokens) {
        List<byte[]> all = new ArrayList<>();
        for (String t : formatTokens) {
            all.add(t.getBytes(StandardCharsets.UTF_8));
        }
        for (String t : COMMON_TOKENS) {
            all.add(t.getBytes(StandardCharsets.UTF_8));
        }
        this.tokens = List.copyOf(all);
    }

    /** What came out and how. */
    public record Mutation(byte[] data, String description) {
    }

    public Mutation mutate(byte[] seed, SplittableRandom random, List<byte[]> otherSeeds) {
        byte[] data = seed;
        int rounds = 1 + random.nextInt(4);
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Mutation m = once(data, random, otherSeeds);
            data = m.data().length > MAX_SIZE ? Arrays.copyOf(m.data(), MAX_SIZE) : m.data();
            applied.add(m.description());
        }
        return new Mutation(data, String.join(", ", applied));
    }

    private Mutation once(byte[] d, SplittableRandom r, List<byte[]> otherSeeds) {
        int len = d.length;
        switch (r.nextInt(22)) {
            case 0 -> {
                int n = 1 + r.nextInt(8);
                byte[] out = d.clone();
                for (int i = 0; i < n && len > 0; i++) {
                    out[r.nextInt(len)] ^= (byte) (1 << r.nextInt(8));
                }
                return new Mutation(out, "flip " + n + " bits");
            }
            case 1 -> {
                int n = 1 + r.nextInt(8);
                byte[] out = d.clone();
                for (int i = 0; i < n && len > 0; i++) {
                    out[r.nextInt(len)] = interestingByte(r);
                }
                return new Mutation(out, "set " + n + " bytes");
            }
            case 2 -> {
                int at = pos(r, len);
                byte[] bytes = new byte[1 + r.nextInt(16)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) r.nextInt(256);
                }
                return new Mutation(insert(d, at, bytes), "insert " + bytes.length + " random bytes at " + at);
            }
            case 3 -> {
                int from = pos(r, len);
                int n = Math.min(len - from, 1 + r.nextInt(Math.max(1, len / 4)));
                return new Mutation(delete(d, from, n), "delete " + n + " bytes at " + from);
            }
            case 4 -> {
                int from = pos(r, len);
                int n = Math.min(len - from, 1 + r.nextInt(Math.max(1, len / 4)));
                int at = pos(r, len);
                return new Mutation(insert(d, at, Arrays.copyOfRange(d, from, from + n)),
                        "duplicate " + n + " bytes from " + from + " to " + at);
            }
            case 5 -> {
                int a = pos(r, len);
                int b = pos(r, len);
                int n = Math.min(Math.min(len - a, len - b), 1 + r.nextInt(Math.max(1, len / 8)));
                return new Mutation(swap(d, Math.min(a, b), Math.max(a, b), n), "swap " + n + " bytes at " + a + " and " + b);
            }
            case 6 -> {
                int at = pos(r, len);
                return new Mutation(Arrays.copyOf(d, at), "truncate at " + at);
            }
            case 7, 8, 9 -> {
                byte[] token = tokens.get(r.nextInt(tokens.size()));
                int times = r.nextInt(10) == 0 ? 1 + r.nextInt(5000) : 1;
                int at = pos(r, len);
                return new Mutation(insert(d, at, repeat(token, times)),
                        "insert token '" + printable(token) + "' x" + times + " at " + at);
            }
            case 10 -> {
                byte[] token = tokens.get(r.nextInt(tokens.size()));
                int from = pos(r, len);
                int n = Math.min(len - from, r.nextInt(8));
                byte[] out = insert(delete(d, from, n), from, token);
                return new Mutation(out, "replace " + n + " bytes at " + from + " by '" + printable(token) + "'");
            }
            case 11, 12 -> {
                return lines(d, r);
            }
            case 13 -> {
                byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
                int at = pos(r, len);
                return new Mutation(insert(d, at, bad), "invalid UTF-8 " + hex(bad) + " at " + at);
            }
            case 14 -> {
                byte[] bom = BOMS[r.nextInt(BOMS.length)];
                int at = r.nextBoolean() ? 0 : pos(r, len);
                return new Mutation(insert(d, at, bom), "BOM " + hex(bom) + " at " + at);
            }
            case 15 -> {
                int at = pos(r, len);
                int n = 1 + r.nextInt(4);
                return new Mutation(insert(d, at, new byte[n]), n + " NUL bytes at " + at);
            }
            case 16 -> {
                // a very long line, of plain letters or of a token
                int n = r.nextInt(20) == 0 ? 1_000_000 : 1000 + r.nextInt(100_000);
                byte[] unit = r.nextBoolean() ? new byte[] {'a'} : tokens.get(r.nextInt(tokens.size()));
                int at = pos(r, len);
                byte[] line = repeat(unit, Math.max(1, n / Math.max(1, unit.length)));
                return new Mutation(insert(d, at, line), "long run of '" + printable(unit) + "' (" + line.length + " bytes) at " + at);
            }
            case 17 -> {
                // a piece of another valid file of the same format
                byte[] other = otherSeeds.isEmpty() ? d : otherSeeds.get(r.nextInt(otherSeeds.size()));
                int from = pos(r, other.length);
                int n = Math.min(other.length - from, 1 + r.nextInt(Math.max(1, other.length / 2)));
                int at = pos(r, len);
                return new Mutation(insert(d, at, Arrays.copyOfRange(other, from, from + n)), "splice " + n + " bytes of another seed at " + at);
            }
            case 18 -> {
                return number(d, r);
            }
            case 19 -> {
                // one byte repeated across a range: long runs of one character
                int from = pos(r, len);
                int n = Math.min(len - from, 1 + r.nextInt(64));
                byte[] out = d.clone();
                Arrays.fill(out, from, from + n, interestingByte(r));
                return new Mutation(out, "fill " + n + " bytes at " + from);
            }
            case 20 -> {
                // deep nesting of an opening token
                byte[] token = tokens.get(r.nextInt(tokens.size()));
                int depth = 100 + r.nextInt(20_000);
                int at = pos(r, len);
                return new Mutation(insert(d, at, repeat(token, depth)), "nest '" + printable(token) + "' x" + depth + " at " + at);
            }
            default -> {
                // byte-wise add/subtract: bumps lengths, counts and digits by a little
                byte[] out = d.clone();
                if (len > 0) {
                    int at = r.nextInt(len);
                    out[at] = (byte) (out[at] + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(16)));
                    return new Mutation(out, "add to byte " + at);
                }
                return new Mutation(out, "nothing to change");
            }
        }
    }

    private Mutation lines(byte[] d, SplittableRandom r) {
        List<byte[]> lines = splitLines(d);
        int n = lines.size();
        String what;
        switch (r.nextInt(6)) {
            case 0 -> {
                int i = r.nextInt(n);
                lines.remove(i);
                what = "delete line " + (i + 1);
            }
            case 1 -> {
                int i = r.nextInt(n);
                int times = 1 + (r.nextInt(10) == 0 ? r.nextInt(2000) : r.nextInt(3));
                for (int k = 0; k < times; k++) {
                    lines.add(i, lines.get(i));
                }
                what = "repeat line " + (i + 1) + " x" + times;
            }
            case 2 -> {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                byte[] t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                what = "swap lines " + (a + 1) + " and " + (b + 1);
            }
            case 3 -> {
                int i = r.nextInt(n + 1);
                lines.add(i, tokens.get(r.nextInt(tokens.size())));
                what = "insert a token line at " + (i + 1);
            }
            case 4 -> {
                int from = r.nextInt(n);
                int to = Math.min(n, from + 1 + r.nextInt(Math.max(1, n / 3)));
                List<byte[]> block = new ArrayList<>(lines.subList(from, to));
                int at = r.nextInt(n + 1);
                lines.addAll(at, block);
                what = "copy lines " + (from + 1) + "-" + to + " to " + (at + 1);
            }
            default -> {
                int i = r.nextInt(n);
                lines.set(i, new byte[0]);
                what = "blank line " + (i + 1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 64);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            out.writeBytes(lines.get(i));
        }
        return new Mutation(out.toByteArray(), what);
    }

    /** Replaces a run of digits by a number a parser may choke on. */
    private static Mutation number(byte[] d, SplittableRandom r) {
        String[] values = {"0", "-0", "-1", "2147483648", "-2147483649", "9223372036854775808", "1e309", "-1e309",
                "1e-400", "NaN", "Infinity", "0x10", "1.", ".5", "1e", "99999999999999999999999999999999", "00001"};
        int start = -1;
        for (int tries = 0; tries < 8 && d.length > 0; tries++) {
            int at = r.nextInt(d.length);
            if (d[at] >= '0' && d[at] <= '9') {
                start = at;
                break;
            }
        }
        String value = values[r.nextInt(values.length)];
        if (start < 0) {
            int at = pos(r, d.length);
            return new Mutation(insert(d, at, value.getBytes(StandardCharsets.US_ASCII)), "insert number " + value + " at " + at);
        }
        while (start > 0 && d[start - 1] >= '0' && d[start - 1] <= '9') {
            start--;
        }
        int end = start;
        while (end < d.length && d[end] >= '0' && d[end] <= '9') {
            end++;
        }
        return new Mutation(insert(delete(d, start, end - start), start, value.getBytes(StandardCharsets.US_ASCII)),
                "number at " + start + " -> " + value);
    }

    private static byte interestingByte(SplittableRandom r) {
        byte[] interesting = {0, 1, '\n', '\r', '\t', ' ', '"', '\'', '<', '>', '{', '}', '[', ']', ':', '#', '=', '~',
                '\\', ',', ';', '|', 0x1f, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff};
        return r.nextInt(3) == 0 ? (byte) r.nextInt(256) : interesting[r.nextInt(interesting.length)];
    }

    static List<byte[]> splitLines(byte[] d) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == '\n') {
                lines.add(Arrays.copyOfRange(d, start, i));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(d, start, d.length));
        return lines;
    }

    static int pos(SplittableRandom r, int len) {
        return len == 0 ? 0 : r.nextInt(len + 1);
    }

    static byte[] insert(byte[] d, int at, byte[] bytes) {
        byte[] out = new byte[d.length + bytes.length];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(d, at, out, at + bytes.length, d.length - at);
        return out;
    }

    static byte[] delete(byte[] d, int from, int n) {
        byte[] out = new byte[d.length - n];
        System.arraycopy(d, 0, out, 0, from);
        System.arraycopy(d, from + n, out, from, d.length - from - n);
        return out;
    }

    /** Swaps d[a, a+n) and d[b, b+n) when they do not overlap. */
    private static byte[] swap(byte[] d, int a, int b, int n) {
        byte[] out = d.clone();
        if (n <= 0 || a + n > b) {
            return out;
        }
        System.arraycopy(d, b, out, a, n);
        System.arraycopy(d, a, out, b, n);
        return out;
    }

    static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[Math.min(MAX_SIZE, unit.length * times)];
        for (int i = 0; i + unit.length <= out.length; i += unit.length) {
            System.arraycopy(unit, 0, out, i, unit.length);
        }
        return out;
    }

    static String printable(byte[] token) {
        String s = new String(token, 0, Math.min(token.length, 24), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return token.length > 24 ? sb + "…" : sb.toString();
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
