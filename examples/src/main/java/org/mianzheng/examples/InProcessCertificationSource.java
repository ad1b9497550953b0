package org.mianzheng.examples;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.spi.CertificationSource;

/** A connected certification source answering from memory for the listed material codes (demo and tests). */
public final class InProcessCertificationSource implements CertificationSource {
    private final Set<String> connected;

    /** @param connectedMaterials the material codes whose data is connected */
    public InProcessCertificationSource(Set<String> connectedMaterials) {
        this.connected = Set.copyOf(connectedMaterials);
    }

    @Override
    public String id() {
        return "cityhub";
    }

    @Override
    public CompletionStage<DocumentFile> issue(DirectedRequest r) {
        if (!connected.contains(r.materialCode())) {
            return CompletableFuture.completedFuture(null);
        }
        String pdf = "%PDF-1.4\n% certification " + r.materialCode() + " for application " + r.bizNo() + "\n%%EOF\n";
        return CompletableFuture.completedFuture(DocumentFile.of(pdf.getBytes(StandardCharsets.UTF_8), DocumentFile.DEFAULT_MAX_BYTES));
    }
}
