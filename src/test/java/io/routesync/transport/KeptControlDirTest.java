package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where --ssh-persist keeps its masters, and that it refuses a directory others could use. */
class KeptControlDirTest {
    @TempDir
    Path tmp;

    private long uid() throws Exception {
        return ((Number) Files.getAttribute(tmp, "unix:uid")).longValue();
    }

    @Test
    void theDirectoryIsInTheRuntimeDirWhenThereIsOneElseInTmp() {
        assertEquals(Path.of("/run/user/1000/routesync-kept"), KeptControlDir.of(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), 1000));
        assertEquals(Path.of("/tmp/routesync-kept-0"), KeptControlDir.of(Map.of(), 0));
        // not absolute, not plain (ssh splits ControlPath on spaces and expands %), or too long for a socket path
        for (String bad : new String[] {"run/user/0", "/run/my user", "/run/%h", "/" + "x".repeat(60)}) {
            assertEquals(Path.of("/tmp/routesync-kept-0"), KeptControlDir.of(Map.of("XDG_RUNTIME_DIR", bad), 0), bad);
        }
    }

    @Test
    void aMissingDirectoryIsMadePrivate() throws Exception {
        Path dir = tmp.resolve("kept");
        assertEquals(dir, KeptControlDir.open(dir, uid()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(dir, KeptControlDir.open(dir, uid()), "an earlier run's directory is used as it is");
    }

    @Test
    void aDirectoryOthersCouldUseIsRefusedAndLeftAsItIs() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertRefused(open, uid(), "its mode is rwxr-xr-x, not rwx------");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)), "not repaired");

        Path real = KeptControlDir.open(tmp.resolve("real"), uid());
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertRefused(link, uid(), "it is not a directory (a link, or a file)");
        assertRefused(Files.writeString(tmp.resolve("file"), ""), uid(), "it is not a directory (a link, or a file)");
        // as another user would see this one
        assertRefused(real, uid() + 1, "it belongs to another user");
    }

    private static void assertRefused(Path dir, long uid, String why) {
        TransportException e = assertThrows(TransportException.class, () -> KeptControlDir.open(dir, uid));
        assertEquals("--ssh-persist keeps its ssh connections in " + dir + ", but " + why + ", so others could use them; nothing was run."
                + " Remove it (routesync makes it again) or run without --ssh-persist", e.getMessage());
        assertTrue(!e.unreachable());
    }
}
