package org.mianzheng.api;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A reusable per-thread buffer for the audit event's canonical bytes: length-prefixed UTF-8 fields, hashed in place.
 * Package-private.
 *
 * <p>The audit chain hashes every event, so this is a hot path: constant fields (the format tag, type names) are
 * encoded once; short ASCII text is copied char by char, other text is encoded by
 * {@link String#getBytes(java.nio.charset.Charset)} (vectorised for ASCII) and copied; non-negative numbers up to
 * 2³¹−1 (all but the rarest) are written two digits at a time; the epoch-seconds and nano-of-second fields are kept
 * while they repeat, and the sequence field is the last one with one added to its digits; the buffer of the thread
 * that asked last is found without a thread-local lookup; the hash this buffer produced last (usually the next
 * event's previous hash) is copied from its bytes,
 * recognised by identity; short kept runs are copied as 8-byte words; and the fields of a
 * {@linkplain AuditRecord#reusable() reusable} record are copied as encoded when it was marked, or, when only the hash
 * is wanted, not written at all: the hash then starts from the state kept after them ({@link #sha256HexAfter}).
 */
final class CanonicalBuffer {
    private static final ThreadLocal<CanonicalBuffer> LOCAL = ThreadLocal.withInitial(CanonicalBuffer::new);
    private static final java.lang.invoke.VarHandle INT_BE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class,
            java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG_BE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.BIG_ENDIAN);
    /** Eight bytes at a time in the machine's order, for copying short runs without a call to the copy routine. */
    private static final java.lang.invoke.VarHandle LONG_NATIVE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.nativeOrder());
    /** "00" .. "99": the two ASCII digits of each value below 100. */
    private static final byte[] PAIRS = new byte[200];
    private static final byte[][] TYPE_NAMES;
    /** 10⁰ .. 10⁹. */
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        AuditType[] types = AuditType.values();
        TYPE_NAMES = new byte[types.length][];
        for (AuditType t : types) {
            TYPE_NAMES[t.ordinal()] = t.name().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Strings up to this length are copied char by char when ASCII: cheaper than the encoder's allocation. */
    private static final int SHORT = 16;
    private byte[] buf = new byte[512];
    private int len;
    private final MessageDigest sha;
    private final byte[] digest = new byte[32];
    /** Hex of the last digest; {@link #lastHex} is the string made of exactly these bytes. */
    private final byte[] hex = new byte[64];
    private String lastHex;
    /** The seconds field last written by {@link #putSeconds}. */
    private final Kept seconds = new Kept();
    /** The nano-of-second field last written by {@link #putNanos}. */
    private final Kept nanos = new Kept();
    /**
     * The sequence field last written by {@link #putSequence}, length prefix included, and its value; the next
     * sequence's field is made from it by adding one to its digits.
     */
    private byte[] lastSequenceField;
    private long lastSequence = -2;

    private CanonicalBuffer() {
        sha = newSha256();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** A thread and its buffer. */
    private record Owner(Thread thread, CanonicalBuffer buffer) {
    }

    /**
     * The thread that asked last and its buffer: appends come from one writer thread at a time, and a thread-local
     * lookup, whose map is rarely in cache when an engine serves many cases, cost more than the hashing around it.
     * Another thread finds someone else's owner here and takes the thread-local path. The one thread and buffer named
     * here stay reachable until another thread asks.
     */
    private static volatile Owner lastOwner;

    static CanonicalBuffer get() {
        Thread t = Thread.currentThread();
        Owner o = lastOwner;
        CanonicalBuffer b;
        if (o != null && o.thread() == t) {
            b = o.buffer();
        } else {
            b = LOCAL.get();
            lastOwner = new Owner(t, b);
        }
        b.len = 0;
        return b;
    }

    /**
     * The last two hashes made by any buffer. Written without synchronisation: a reader may see an older one or
     * none, which only sends it the long way; whatever it sees was made by {@link #sha256Hex()}.
     */
    private static String recent;
    private static String previous;

    /**
     * Whether {@code s} is one of the last hashes made here (by identity): such a string is a lowercase SHA-256 hex
     * digest by construction and needs no further check. A {@code false} proves nothing.
     */
    static boolean producedHere(String s) {
        return s != null && (s == recent || s == previous);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void length(int at, int n) {
        buf[at] = (byte) (n >>> 24);
        buf[at + 1] = (byte) (n >>> 16);
        buf[at + 2] = (byte) (n >>> 8);
        buf[at + 3] = (byte) n;
    }

    /** Bytes that already are the UTF-8 form of a field. */
    void putEncoded(byte[] utf8) {
        ensure(4 + utf8.length);
        length(len, utf8.length);
        System.arraycopy(utf8, 0, buf, len + 4, utf8.length);
        len += 4 + utf8.length;
    }

    /**
     * Bytes that already are a run of whole fields, as this buffer wrote them. A run of 8 to 16 bytes (a kept number
     * field: sequence, seconds, nanos) is copied as two overlapping 8-byte words: cheaper than a call to the copy
     * routine, which the chain's fields would otherwise make several times per event.
     */
    void putRaw(byte[] fields) {
        int n = fields.length;
        ensure(n);
        if (n >= 8 && n <= 16) {
            LONG_NATIVE.set(buf, len, (long) LONG_NATIVE.get(fields, 0));
            LONG_NATIVE.set(buf, len + n - 8, (long) LONG_NATIVE.get(fields, n - 8));
        } else {
            System.arraycopy(fields, 0, buf, len, n);
        }
        len += n;
    }

    /** @return the number of bytes written so far */
    int length() {
        return len;
    }

    /**
     * @param from a position returned by {@link #length()}
     * @return a copy of the bytes written since
     */
    byte[] copyFrom(int from) {
        return Arrays.copyOfRange(buf, from, len);
    }

    /** A type's name. */
    void put(AuditType type) {
        putEncoded(TYPE_NAMES[type.ordinal()]);
    }

    /** Null as length −1; otherwise a 4-byte big-endian UTF-8 length and the bytes. */
    void put(String s) {
        if (s == null) {
            ensure(4);
            length(len, -1);
            len += 4;
            return;
        }
        if (s == lastHex) { // the previous event's hash, made here: its bytes are at hand
            putEncoded(hex);
            return;
        }
        if (s.length() > SHORT || !putShortAscii(s)) {
            // the JDK's own encoder: for ASCII text a vectorised check and copy, faster than a loop over many chars
            putEncoded(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Copies a short string if it is all ASCII (codes, keys, names), without allocating; otherwise writes nothing. */
    private boolean putShortAscii(String s) {
        int n = s.length();
        ensure(4 + n);
        byte[] b = buf;
        int p = len + 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            b[p + i] = (byte) c;
        }
        length(len, n);
        len = p + n;
        return true;
    }

    /**
     * A SHA-256 hash as its 32 bytes (length prefix 32): from the digest this buffer made last when {@code hex} is its
     * hex (by identity), else decoded.
     *
     * @param hex   64 hex characters
     * @param field the field, for the error
     * @throws InvalidValueException if {@code hex} is not a SHA-256 hex digest
     */
    void putHash(String hex, String field) {
        ensure(36);
        length(len, 32);
        if (hex != null && hex == lastHex) { // the previous event's hash, made here: its bytes are at hand
            byte[] d = digest;
            byte[] b = buf;
            int at = len + 4;
            LONG_NATIVE.set(b, at, (long) LONG_NATIVE.get(d, 0));
            LONG_NATIVE.set(b, at + 8, (long) LONG_NATIVE.get(d, 8));
            LONG_NATIVE.set(b, at + 16, (long) LONG_NATIVE.get(d, 16));
            LONG_NATIVE.set(b, at + 24, (long) LONG_NATIVE.get(d, 24));
        } else {
            String h = Digests.requireSha256Hex(hex, field);
            for (int i = 0; i < 32; i++) {
                buf[len + 4 + i] = (byte) ((Character.digit(h.charAt(2 * i), 16) << 4) | Character.digit(h.charAt(2 * i + 1), 16));
            }
        }
        len += 36;
    }

    /** A decimal number, as its string would be written. */
    void put(long v) {
        if (v >= 0 && v <= Integer.MAX_VALUE) { // sequences, seconds, nanos, counts
            putDecimal((int) v);
        } else {
            putEncoded(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A non-negative int in decimal, two digits at a time, straight into place. */
    private void putDecimal(int v) {
        int n = digits(v);
        ensure(4 + n);
        length(len, n);
        byte[] b = buf;
        int p = len + 4 + n;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            b[--p] = PAIRS[2 * r + 1];
            b[--p] = PAIRS[2 * r];
            v = q;
        }
        if (v >= 10) {
            b[--p] = PAIRS[2 * v + 1];
            b[--p] = PAIRS[2 * v];
        } else {
            b[--p] = (byte) ('0' + v);
        }
        len += 4 + n;
    }

    /** A number field last written, length prefix included, and its value: copied again while the value is the same. */
    private static final class Kept {
        private byte[] field;
        private long value;

        void put(CanonicalBuffer b, long v) {
            if (field != null && v == value) {
                b.putRaw(field);
                return;
            }
            int from = b.len;
            b.put(v);
            field = Arrays.copyOfRange(b.buf, from, b.len);
            value = v;
        }
    }

    /**
     * Epoch seconds of an event's time. Events come in bursts within one second, so the field last written is kept
     * and copied while the second is the same.
     */
    void putSeconds(long seconds) {
        this.seconds.put(this, seconds);
    }

    /**
     * Nano-of-second of an event's time. Clocks mostly tick in milliseconds, so many events in a row have the same
     * value: the field last written is kept and copied while it is the same.
     */
    void putNanos(int nanos) {
        this.nanos.put(this, nanos);
    }

    /**
     * An event's sequence. The chain's sequences follow one another, so the field of the next one is the last field
     * with one added to its decimal digits (carrying); any other value, or a carry into a new digit, is written anew.
     */
    void putSequence(long sequence) {
        byte[] f = lastSequenceField;
        if (f != null && sequence == lastSequence + 1 && sequence > 0) {
            int i = f.length - 1;
            while (i >= 4 && f[i] == '9') {
                i--;
            }
            if (i >= 4) { // not all nines: the length stays
                f[i]++;
                for (int k = i + 1; k < f.length; k++) {
                    f[k] = '0';
                }
                lastSequence = sequence;
                putRaw(f);
                return;
            }
        }
        int from = len;
        put(sequence);
        lastSequenceField = Arrays.copyOfRange(buf, from, len);
        lastSequence = sequence;
    }

    /** The number of decimal digits of a non-negative int, from its bit length. */
    static int digits(int v) {
        int t = ((32 - Integer.numberOfLeadingZeros(v | 1)) * 1233) >>> 12; // ⌊log10⌋ of the bit length's power of two
        return t + (v >= POW10[t] ? 1 : 0) + (t == 0 && v < 1 ? 1 : 0);
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    /**
     * @return SHA-256 after the bytes written so far, to start later hashes from ({@link #sha256HexAfter}); {@code null}
     *         if the digest the providers give cannot be cloned (the hash is then made from the whole bytes)
     */
    MessageDigest prefixState() {
        MessageDigest d = newSha256();
        try {
            d.clone(); // the digest at hand, from whichever provider comes first now, must be cloneable
        } catch (CloneNotSupportedException e) {
            return null;
        }
        d.update(buf, 0, len);
        return d;
    }

    /** @return lowercase hex SHA-256 of the bytes written */
    String sha256Hex() {
        sha.update(buf, 0, len);
        return hexOf(sha);
    }

    /**
     * @param prefix a state from {@link #prefixState()}, left as it is
     * @return lowercase hex SHA-256 of the prefix's bytes followed by the bytes written here
     */
    String sha256HexAfter(MessageDigest prefix) {
        MessageDigest d;
        try {
            d = (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 was cloneable when the prefix was kept", e);
        }
        d.update(buf, 0, len);
        return hexOf(d);
    }

    /**
     * The 8 lowercase hex digits of 4 bytes, as 8 ASCII bytes in a {@code long} (the first digit in its highest byte),
     * worked out on all digits at once: each nibble is moved into a byte of its own, then turned into its digit
     * ({@code '0'} + n, plus 39 more for 10 to 15, which reach {@code 'a'} to {@code 'f'}).
     *
     * @param x 4 bytes, big-endian
     * @return their hex digits, big-endian
     */
    static long hexOf(int x) {
        long v = x & 0xFFFFFFFFL;
        v = (v & 0xFFFF0000L) << 16 | v & 0xFFFFL;
        v = (v & 0x0000FF000000FF00L) << 8 | v & 0x000000FF000000FFL;
        v = (v & 0x00F000F000F000F0L) << 4 | v & 0x000F000F000F000FL; // one nibble per byte, 0 to 15
        long letters = (v + 0x0606060606060606L) >>> 4 & 0x0101010101010101L; // 1 in the bytes of 10 to 15
        return v + 0x3030303030303030L + letters * 39;
    }

    private String hexOf(MessageDigest d) {
        try {
            d.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest buffer too small", e);
        }
        for (int i = 0; i < 8; i++) {
            LONG_BE.set(hex, 8 * i, hexOf((int) INT_BE.get(digest, 4 * i)));
        }
        lastHex = new String(hex, StandardCharsets.ISO_8859_1); // Latin-1 bytes are kept as they are: no re-encoding
        previous = recent;
        recent = lastHex;
        return lastHex;
    }
}
