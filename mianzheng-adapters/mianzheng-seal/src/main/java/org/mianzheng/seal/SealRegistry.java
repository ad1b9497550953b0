package org.mianzheng.seal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SealProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seal profiles a receipt service may use, and the cache of their rendered artwork.
 *
 * <p>Starts with {@link SealProfile#defaultProfile()} as the default. Every mutating method takes the id of the
 * operator asking and consults the injected {@link SealAdministrationPolicy} first (Art. 20); a refusal — or a
 * policy that throws — is a {@link SealAdministrationDeniedException} and changes nothing. Changes are logged.
 *
 * <p>Each profile is rendered once, on first use, and the {@link SealArtwork} is reused by every receipt until the
 * profile is replaced or retired. Thread-safe.
 */
public final class SealRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SealRegistry.class);

    private final SealAdministrationPolicy policy;
    private final SealRenderer renderer;
    private final Map<String, SealProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, SealArtwork> artworks = new ConcurrentHashMap<>();
    private volatile String defaultId;

    /**
     * @param policy   who may administer seals
     * @param renderer renders profiles (once each)
     */
    public SealRegistry(SealAdministrationPolicy policy, SealRenderer renderer) {
        this.policy = InvalidValueException.requireNonNull(policy, "policy");
        this.renderer = InvalidValueException.requireNonNull(renderer, "renderer");
        SealProfile d = SealProfile.defaultProfile();
        profiles.put(d.id(), d);
        defaultId = d.id();
    }

    /** @return the renderer (e.g. to read its render count) */
    public SealRenderer renderer() {
        return renderer;
    }

    /**
     * @param id a profile id
     * @return the profile
     * @throws ReceiptException if there is none with that id
     */
    public SealProfile profile(String id) {
        SealProfile p = profiles.get(Codes.require(id, "sealProfileId"));
        if (p == null) {
            throw new ReceiptException("unknown seal profile " + id);
        }
        return p;
    }

    /** @return the default profile */
    public SealProfile defaultProfile() {
        return profile(defaultId);
    }

    /** @return all profiles, by id */
    public List<SealProfile> profiles() {
        List<SealProfile> all = new ArrayList<>(profiles.values());
        all.sort(Comparator.comparing(SealProfile::id));
        return List.copyOf(all);
    }

    /**
     * The artwork of a profile, rendered on first use and cached.
     *
     * @param id a profile id
     * @return the artwork
     * @throws ReceiptException if the profile is unknown or cannot be rendered
     */
    public SealArtwork artwork(String id) {
        SealProfile p = profile(id);
        SealArtwork a = artworks.get(id);
        if (a != null && a.profile().equals(p)) {
            return a;
        }
        return artworks.compute(id, (k, old) -> old != null && old.profile().equals(p) ? old : renderer.render(p));
    }

    /**
     * @param operatorId the operator asking
     * @param profile    a new profile
     * @throws SealAdministrationDeniedException if the operator may not administer seals
     * @throws ReceiptException if a profile with that id exists
     */
    public void register(String operatorId, SealProfile profile) {
        InvalidValueException.requireNonNull(profile, "profile");
        authorise(operatorId, "register seal profile " + profile.id());
        if (profiles.putIfAbsent(profile.id(), profile) != null) {
            throw new ReceiptException("seal profile " + profile.id() + " exists already; replace it instead");
        }
        LOG.info("seal profile {} registered by operator {}: {}", profile.id(), operatorId, profile);
    }

    /**
     * @param operatorId the operator asking
     * @param profile    the new version of an existing profile
     * @throws SealAdministrationDeniedException if the operator may not administer seals
     * @throws ReceiptException if there is no profile with that id
     */
    public void replace(String operatorId, SealProfile profile) {
        InvalidValueException.requireNonNull(profile, "profile");
        authorise(operatorId, "replace seal profile " + profile.id());
        if (profiles.replace(profile.id(), profile) == null) {
            throw new ReceiptException("unknown seal profile " + profile.id());
        }
        artworks.remove(profile.id());
        LOG.info("seal profile {} replaced by operator {}: {}", profile.id(), operatorId, profile);
    }

    /**
     * @param operatorId the operator asking
     * @param id         the profile to retire
     * @throws SealAdministrationDeniedException if the operator may not administer seals
     * @throws ReceiptException if it is unknown or is the default
     */
    public void retire(String operatorId, String id) {
        Codes.require(id, "sealProfileId");
        authorise(operatorId, "retire seal profile " + id);
        synchronized (this) {
            if (id.equals(defaultId)) {
                throw new ReceiptException("seal profile " + id + " is the default; choose another default first");
            }
            if (profiles.remove(id) == null) {
                throw new ReceiptException("unknown seal profile " + id);
            }
        }
        artworks.remove(id);
        LOG.info("seal profile {} retired by operator {}", id, operatorId);
    }

    /**
     * @param operatorId the operator asking
     * @param id         the profile receipts use unless told otherwise
     * @throws SealAdministrationDeniedException if the operator may not administer seals
     * @throws ReceiptException if it is unknown
     */
    public void setDefault(String operatorId, String id) {
        Codes.require(id, "sealProfileId");
        authorise(operatorId, "make seal profile " + id + " the default");
        synchronized (this) {
            profile(id);
            defaultId = id;
        }
        LOG.info("seal profile {} made the default by operator {}", id, operatorId);
    }

    private void authorise(String operatorId, String action) {
        String op = Codes.require(operatorId, "operatorId");
        boolean allowed;
        try {
            allowed = policy.mayAdministerSeals(op);
        } catch (RuntimeException e) {
            LOG.warn("seal administration policy failed for operator {}; refusing to {}", op, action);
            throw new SealAdministrationDeniedException(op, action, e);
        }
        if (!allowed) {
            LOG.warn("operator {} refused: {}", op, action);
            throw new SealAdministrationDeniedException(op, action, null);
        }
    }
}
