package org.mianzheng.seal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.mianzheng.api.AdapterException;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SealProfile;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;
import org.mianzheng.api.spi.VoucherRegistry;
import org.mianzheng.api.spi.VoucherSequence;
import org.mianzheng.seal.internal.Digests;
import org.mianzheng.seal.internal.Hex;
import org.mianzheng.seal.pades.PadesSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues sealed, signed receipts (Art. 13, 14): one A4 PDF/A-2b page with the voucher number, the issue time, the
 * case and the material or result, the purpose-limitation notice of Art. 15 and the seal, signed with PAdES.
 *
 * <p>{@link #issue} does, in this order: take a voucher number ({@link VoucherSequence}, unique across nodes),
 * lay out the document with the cached seal artwork, sign it ({@link PadesSigner}), report the seal use to the
 * {@link SealUseListener} (fail closed: if it throws, nothing is registered or returned), register the voucher with
 * the SHA-256 of the signed bytes ({@link VoucherRegistry}), and return the {@link Receipt}.
 *
 * <pre>{@code
 * ReceiptService receipts = ReceiptService.builder()
 *         .voucherPrefix("WH")
 *         .voucherSequence(sequence)
 *         .voucherRegistry(registry)
 *         .sealRegistry(new SealRegistry(sealAdmins::contains, new SealRenderer(ReceiptFont.bundled())))
 *         .sealUseListener(use -> mz.record(new AuditRecord(AuditType.SEAL_USED, use.operatorId(), use.bizNo(), null,
 *                 Map.of("voucher", use.voucher().format(), "sealProfile", use.sealProfileId()))))   // the engine's audit chain
 *         .signer(PadesSigner.builder(provider).build())
 *         .build();
 * Receipt r = receipts.issue(content);
 * }</pre>
 *
 * <p>Thread-safe; blocking (stores, signing provider, time-stamping authority).
 */
public final class ReceiptService {
    /** Key of the document information entry that holds the voucher number (read by the verifier). */
    public static final String VOUCHER_INFO_KEY = "MianzhengVoucherNumber";
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptService.class);

    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;
    private final VoucherSequence sequence;
    private final VoucherRegistry registry;
    private final SealRegistry seals;
    private final SealUseListener listener;
    private final PadesSigner signer;
    private final ReceiptFont font;

    private ReceiptService(Builder b) {
        this.clock = b.clock;
        this.zone = b.zone;
        this.prefix = require(b.prefix, "voucherPrefix");
        this.sequence = require(b.sequence, "voucherSequence");
        this.registry = require(b.registry, "voucherRegistry");
        this.seals = require(b.seals, "sealRegistry");
        this.listener = require(b.listener, "sealUseListener");
        this.signer = require(b.signer, "signer");
        this.font = b.font != null ? b.font : ReceiptFont.bundled();
    }

    private static <T> T require(T v, String field) {
        if (v == null) {
            throw new InvalidValueException(field, "must be set");
        }
        return v;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues a receipt with the default seal profile.
     *
     * @param content what the receipt says
     * @return the signed receipt, registered
     * @throws ReceiptException   if it cannot be laid out, the seal use cannot be recorded, or the voucher is taken
     * @throws org.mianzheng.api.SigningException if signing fails
     * @throws AdapterException   if the voucher sequence or registry fails
     */
    public Receipt issue(ReceiptContent content) {
        return issue(content, seals.defaultProfile().id());
    }

    /**
     * Issues a receipt.
     *
     * @param content       what the receipt says
     * @param sealProfileId the seal profile to use
     * @return the signed receipt, registered
     * @throws ReceiptException   if it cannot be laid out, the profile is unknown, the seal use cannot be recorded,
     *                            or the voucher is taken
     * @throws org.mianzheng.api.SigningException if signing fails
     * @throws AdapterException   if the voucher sequence or registry fails
     */
    public Receipt issue(ReceiptContent content, String sealProfileId) {
        InvalidValueException.requireNonNull(content, "content");
        SealProfile profile = seals.profile(sealProfileId);
        SealArtwork artwork = seals.artwork(profile.id());
        Instant issuedAt = clock.instant();
        LocalDate day = issuedAt.atZone(zone).toLocalDate();
        VoucherNumber voucher = VoucherNumber.of(prefix, day, nextSequence(day));

        byte[] unsigned = ReceiptDocument.render(content, voucher, issuedAt, zone, artwork, font);
        byte[] signed = signer.sign(unsigned, "凭证编号 " + voucher.format() + "；" + profile.name(), content.issuingUnit());
        String sha256 = Hex.encode(Digests.sha256(signed));

        SealUse use = new SealUse(content.operatorId(), content.bizNo(), voucher, profile.id(), issuedAt);
        try {
            listener.sealUsed(use);
        } catch (RuntimeException e) {
            LOG.warn("seal use of {} for case {} could not be recorded; receipt withheld", voucher, content.bizNo());
            throw new ReceiptException("the seal use could not be recorded, so no receipt was issued (voucher " + voucher
                    + " stays unused)", e);
        }
        VoucherRecord record = new VoucherRecord(voucher, issuedAt, sha256, content.bizNo());
        boolean registered;
        try {
            registered = registry.register(record);
        } catch (MianzhengException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AdapterException("voucherRegistry", "register failed: " + e.getClass().getSimpleName(), e);
        }
        if (!registered) {
            throw new ReceiptException("voucher number " + voucher + " was registered before: the voucher sequence is not unique");
        }
        LOG.info("receipt {} issued for case {} (item {}, seal {}, {})", voucher, content.bizNo(), content.itemCode(), profile.id(),
                signer.level());
        return new Receipt(voucher, issuedAt, content.bizNo(), profile.id(), signer.level(), signed, sha256);
    }

    private long nextSequence(LocalDate day) {
        long n;
        try {
            n = sequence.next(prefix, day);
        } catch (MianzhengException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AdapterException("voucherSequence", "next failed: " + e.getClass().getSimpleName(), e);
        }
        if (n < 1) {
            throw new AdapterException("voucherSequence", "returned " + n + "; sequence numbers start at 1", null);
        }
        return n;
    }

    /**
     * @param voucher a voucher number
     * @return its registration, if this system issued it
     */
    public Optional<VoucherRecord> lookup(VoucherNumber voucher) {
        Optional<VoucherRecord> r;
        try {
            r = registry.lookup(InvalidValueException.requireNonNull(voucher, "voucher"));
        } catch (MianzhengException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AdapterException("voucherRegistry", "lookup failed: " + e.getClass().getSimpleName(), e);
        }
        if (r == null) {
            throw new AdapterException("voucherRegistry", "lookup returned null", null);
        }
        return r;
    }

    /** @return the seal registry */
    public SealRegistry sealRegistry() {
        return seals;
    }

    /** Builder of {@link ReceiptService}. Set-once setters. */
    public static final class Builder {
        private final Set<String> set = new HashSet<>();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private String prefix;
        private VoucherSequence sequence;
        private VoucherRegistry registry;
        private SealRegistry seals;
        private SealUseListener listener;
        private PadesSigner signer;
        private ReceiptFont font;

        private Builder() {
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new InvalidValueException(field, "already set");
            }
        }

        /** @param clock source of issue times; default UTC system clock @return this builder */
        public Builder clock(Clock clock) {
            once("clock");
            this.clock = InvalidValueException.requireNonNull(clock, "clock");
            return this;
        }

        /** @param zone zone of the printed time and the voucher date; default Asia/Shanghai @return this builder */
        public Builder zone(ZoneId zone) {
            once("zone");
            this.zone = InvalidValueException.requireNonNull(zone, "zone");
            return this;
        }

        /** @param prefix voucher number prefix, 1 to 10 letters A-Z @return this builder */
        public Builder voucherPrefix(String prefix) {
            once("voucherPrefix");
            VoucherNumber.of(prefix, LocalDate.of(2000, 1, 1), 1);
            this.prefix = prefix;
            return this;
        }

        /** @param sequence voucher sequence (unique across nodes) @return this builder */
        public Builder voucherSequence(VoucherSequence sequence) {
            once("voucherSequence");
            this.sequence = InvalidValueException.requireNonNull(sequence, "voucherSequence");
            return this;
        }

        /** @param registry voucher registry @return this builder */
        public Builder voucherRegistry(VoucherRegistry registry) {
            once("voucherRegistry");
            this.registry = InvalidValueException.requireNonNull(registry, "voucherRegistry");
            return this;
        }

        /** @param seals seal profiles and their cached artwork @return this builder */
        public Builder sealRegistry(SealRegistry seals) {
            once("sealRegistry");
            this.seals = InvalidValueException.requireNonNull(seals, "sealRegistry");
            return this;
        }

        /** @param listener receives every seal use, fail closed @return this builder */
        public Builder sealUseListener(SealUseListener listener) {
            once("sealUseListener");
            this.listener = InvalidValueException.requireNonNull(listener, "sealUseListener");
            return this;
        }

        /** @param signer the PAdES signer @return this builder */
        public Builder signer(PadesSigner signer) {
            once("signer");
            this.signer = InvalidValueException.requireNonNull(signer, "signer");
            return this;
        }

        /** @param font font of the receipt text; default {@link ReceiptFont#bundled()} @return this builder */
        public Builder font(ReceiptFont font) {
            once("font");
            this.font = InvalidValueException.requireNonNull(font, "font");
            return this;
        }

        /**
         * @return the service
         * @throws InvalidValueException if a required part is missing
         */
        public ReceiptService build() {
            return new ReceiptService(this);
        }
    }
}
