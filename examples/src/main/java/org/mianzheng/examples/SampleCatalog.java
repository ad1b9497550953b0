package org.mianzheng.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.core.catalog.CatalogJson;

/** The sample catalog of a city's departments shipped with the examples ({@code catalog/wuhai-sample-catalog.json}). */
public final class SampleCatalog {
    /** Class-path location of the sample catalog. */
    public static final String RESOURCE = "/catalog/wuhai-sample-catalog.json";

    private SampleCatalog() {
    }

    /** @return the parsed sample catalog */
    public static CatalogDocument document() {
        try (InputStream in = SampleCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return CatalogJson.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the filing that loads it, by the city's approval bureau */
    public static FilingRequest initialFiling() {
        return new FilingRequest("ZWFWJ", "catalog-admin", "免证办目录初始备案", "乌海市政务服务“免证办”工作运行规则（试行）第十六条",
                List.of(new CatalogChange.ReplaceAll(document())));
    }
}
