package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.UsageReport;

/**
 * Opens the HTML report in headless Chromium, as a supervisor's browser would, and checks the screenshot: the page
 * and its inline SVG charts render (header colour and bar colours present). Skipped only where no {@code chromium}
 * executable is on the PATH ({@code .ci/run} installs it).
 */
class ChromiumRenderingTest {

    static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static void screenshot(Path chromium, Path html, Path png, Path profile) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1280,1800", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as(Files.readString(profile.resolveSibling("chromium.log"))).isZero();
    }

    private static boolean near(int rgb, int r, int g, int b) {
        int dr = ((rgb >> 16) & 0xff) - r;
        int dg = ((rgb >> 8) & 0xff) - g;
        int db = (rgb & 0xff) - b;
        return dr * dr + dg * dg + db * db < 200;
    }

    @Test
    void theReportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed on this machine: skipping the headless rendering check "
                + "(install it with `apt-get install -y --no-install-recommends chromium`, as .ci/run does)");
        UsageReport r;
        try (SupervisionFixture f = new SupervisionFixture()) {
            f.runScenario();
            f.clock.set(f.clock.instant().plus(Duration.ofDays(1)));
            r = f.mz.supervision().report(SupervisionFixture.MARCH_2, null, "sup");
        }
        Path html = dir.resolve("report.html");
        Files.writeString(html, SupervisionExports.usageReportHtml(r), StandardCharsets.UTF_8);
        Path png = dir.resolve("report.png");
        screenshot(chromium.get(), html, png, dir.resolve("profile"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1280);
        long header = 0;
        long green = 0;
        long purple = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (near(rgb, 0x8b, 0x1a, 0x1a)) {
                    header++;
                }
                if (near(rgb, 0x2e, 0x7d, 0x32)) {
                    green++;
                }
                if (near(rgb, 0x6a, 0x1b, 0x9a)) {
                    purple++;
                }
            }
        }
        assertThat(header).as("the header band is drawn").isGreaterThan(5_000);
        assertThat(green).as("the retrieval-outcome bars (SVG) are drawn").isGreaterThan(100);
        assertThat(purple).as("the SLA compliance bars (SVG) are drawn").isGreaterThan(100);
        assertThat(colours.size()).as("text is anti-aliased, so a rendered page has many colours").isGreaterThan(200);
        Files.copy(png, Path.of("target", "supervision-report-test.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
