package io.demodeck.importer.anki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Just enough protobuf for Anki's package metadata, media list and note type kind. */
final class Protobuf {

    record Field(int number, long varint, byte[] bytes) {
    }

    private Protobuf() {
    }

    static List<Field> fields(byte[] data) {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < data.length) {
            long key = varint(data, pos);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case 0 -> fields.add(new Field(number, varint(data, pos), null));
                case 1 -> pos[0] += 8;
                case 2 -> {
                    int len = (int) varint(data, pos);
                    if (len < 0 || pos[0] + len > data.length) {
                        throw new IllegalArgumentException("truncated protobuf");
                    }
                    byte[] b = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + len);
                    pos[0] += len;
                    fields.add(new Field(number, 0, b));
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wire);
            }
        }
        return fields;
    }

    static long varint(byte[] data, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= data.length) {
                throw new IllegalArgumentException("truncated protobuf");
            }
            byte b = data[pos[0]++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    static long firstVarint(byte[] data, int number, long fallback) {
        for (Field f : fields(data)) {
            if (f.number() == number && f.bytes() == null) {
                return f.varint();
            }
        }
        return fallback;
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
