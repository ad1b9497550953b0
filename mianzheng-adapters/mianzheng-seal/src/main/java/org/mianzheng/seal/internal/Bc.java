package org.mianzheng.seal.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance the module uses. It is passed explicitly to every JCA call and never
 * registered globally ({@code Security.addProvider}), so an embedding application's provider list is left alone.
 */
public final class Bc {
    /** The provider instance. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
