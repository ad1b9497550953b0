package org.mianzheng.examples.docs;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.mianzheng.api.Holder;
import org.mianzheng.api.spi.ComplaintStore;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.api.spi.ViolationReviewStore;
import org.mianzheng.api.spi.VoucherRegistry;
import org.mianzheng.api.spi.VoucherSequence;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.calendar.CalendarRegistry;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.seal.ReceiptContent;
import org.mianzheng.seal.pades.TimestampClient;
import org.mianzheng.simulator.ManualClock;

/**
 * The names the docs' code snippets use without declaring them, with their types. Every {@code java} block of the
 * docs that is not a compilation unit is compiled as the body of a method of a subclass of this class (see
 * {@link JavaBlockCompiler}), so a snippet that uses {@code mz} as something other than a {@link Mianzheng}, or a
 * name not declared here, does not compile. Snippets are compiled, not run: the fields stay unset.
 *
 * <p>A snippet may declare a local of the same name (e.g. {@code Mianzheng mz = ...build()}); it then shadows the
 * field, as in any method.
 */
@SuppressWarnings("unused")
public abstract class DocContext {
    /** The engine. */
    protected Mianzheng mz;
    /** A case's business number (业务流水号). */
    protected String bizNo;
    /** The audit subject key ({@code Mianzheng.Builder.auditSubjectKey}). */
    protected byte[] key;
    /** A file, e.g. a catalog. */
    protected Path path;
    /** The host's connection pool. */
    protected DataSource dataSource;
    /** Whether several instances share one database. */
    protected boolean severalInstances;
    /** The host's clock. */
    protected Clock clock;
    /** The simulator's settable clock. */
    protected ManualClock manualClock;
    /** The README's adapter. */
    protected LicenseSource yourAdapter;
    /** The signature-pad image of the README. */
    protected byte[] signature;
    /** A platform secret, from the host's vault. */
    protected String secretFromVault;
    /** The password of a PKCS#12 trust store. */
    protected char[] caPw;
    /** The password of a PKCS#12 client key store. */
    protected char[] keyPw;
    /** A second platform configuration (cityhub). */
    protected PlatformConfig cityConfig;
    /** SHA-256 (hex) of the consent's evidence. */
    protected String sha256OfTheSignatureImage;
    /** Operator ids allowed to administer seals. */
    protected Set<String> sealAdmins;
    /** The voucher sequence SPI. */
    protected VoucherSequence sequence;
    /** The voucher registry SPI. */
    protected VoucherRegistry registry;
    /** A signing provider. */
    protected SigningProvider provider;
    /** A time-stamping client. */
    protected TimestampClient tsa;
    /** What a receipt says. */
    protected ReceiptContent content;
    /** Trust anchors of receipt signatures. */
    protected List<X509Certificate> roots;
    /** A receipt to verify. */
    protected byte[] pdfBytes;
    /** A TrueType font file's bytes. */
    protected byte[] ttfBytes;
    /** A directed request's result file. */
    protected byte[] pdfOrImageBytes;
    /** The working calendars. */
    protected CalendarRegistry calendars;
    /** An applicant. */
    protected Holder applicant;
    /** A host's complaint store. */
    protected ComplaintStore myComplaintStore;
    /** A host's violation review store. */
    protected ViolationReviewStore myReviewStore;

    /** For the generated subclasses. */
    protected DocContext() {
    }
}
