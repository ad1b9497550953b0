package org.mianzheng.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.InvalidValueException;

/**
 * Keyed digests of data subjects: the audit chain records {@code HMAC-SHA256(key, type:value)} instead of identity
 * numbers, so the log holds no raw personal identifiers, yet "who accessed my data" can still find a holder's events
 * by computing the same digest. The key must stay the same for the life of the log.
 */
public final class AuditSubjects {
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final com.github.benmanes.caffeine.cache.Cache<HolderId, String> memo =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).build();

    /**
     * @param key at least 16 bytes
     */
    public AuditSubjects(byte[] key) {
        if (key == null || key.length < 16) {
            throw new InvalidValueException("auditSubjectKey", "at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    /**
     * @param id a holder id
     * @return its subject digest (hex, 32 characters)
     */
    public String subject(HolderId id) {
        String s = memo.getIfPresent(id);
        if (s == null) {
            byte[] d = macs.get().doFinal((id.type().code() + ":" + id.value()).getBytes(StandardCharsets.UTF_8));
            s = HexFormat.of().formatHex(d, 0, 16);
            memo.put(id, s);
        }
        return s;
    }
}
