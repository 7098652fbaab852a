package io.routesync.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Build-time main (exec-maven-plugin, prepare-package): writes the generated files the Debian
 * package ships, from the picocli model: man pages (gzipped, as Debian wants them) and the bash and
 * zsh completion scripts. Also gzips the Debian changelog. Arguments: OUTDIR VERSION CHANGELOG.
 */
public final class PackageFiles {
    private PackageFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = args[1];
        Path man = Files.createDirectories(out.resolve("man"));
        Path completion = Files.createDirectories(out.resolve("completion"));
        Path doc = Files.createDirectories(out.resolve("doc"));
        for (Map.Entry<String, String> page : ManPages.render(ManPages.routesync(), version).entrySet()) {
            gzip(page.getValue().getBytes(StandardCharsets.UTF_8), man.resolve(page.getKey() + ".gz"));
        }
        Files.writeString(completion.resolve("routesync"), Completion.bash(ManPages.routesync()));
        Files.writeString(completion.resolve("_routesync"), Completion.zsh(ManPages.routesync()));
        // the changelog names the package version as jdeb writes it: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT
        String changelog = Files.readString(Path.of(args[2])).replace("@VERSION@", version.replace("-SNAPSHOT", "~SNAPSHOT"));
        gzip(changelog.getBytes(StandardCharsets.UTF_8), doc.resolve("changelog.gz"));
    }

    /**
     * gzip -9n: maximum compression, no name or time stamp (reproducible). Written by hand because
     * GZIPOutputStream's header never says "maximum compression" (XFL=2), which lintian checks.
     */
    static void gzip(byte[] content, Path target) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        CRC32 crc = new CRC32();
        crc.update(content);
        try (OutputStream file = Files.newOutputStream(target);
             OutputStream raw = new DeflaterOutputStream(new OutputStream() {
                 @Override
                 public void write(int b) throws IOException {
                     file.write(b);
                 }

                 @Override
                 public void write(byte[] b, int off, int len) throws IOException {
                     file.write(b, off, len);
                 }
             }, deflater)) {
            // magic, deflate, no flags, mtime 0, XFL 2 (best compression), OS 3 (Unix)
            file.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
            raw.write(content);
            ((DeflaterOutputStream) raw).finish();
            le32(file, crc.getValue());
            le32(file, content.length);
        } finally {
            deflater.end();
        }
    }

    private static void le32(OutputStream out, long v) throws IOException {
        for (int i = 0; i < 4; i++) out.write((int) (v >>> (8 * i)) & 0xff);
    }
}
