package dev.dmvpn.ref.testing;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class SharedFilesTest {

  @Test
  public void missingSharedFolderIsNamedByItsAbsolutePath() throws Exception {
    Path project = Files.createTempDirectory("no-shared-next-to-me").resolve("project");
    Files.createDirectories(project);
    IllegalStateException e = expectThrows(IllegalStateException.class, () -> SharedFiles.rootOf(project));
    String expected = project.getParent().resolve("shared").toAbsolutePath().toString();
    assertTrue(e.getMessage().contains("folder missing: " + expected + " "), e.getMessage());
    Files.delete(project);
    Files.delete(project.getParent());
  }

  @Test
  public void missingFileIsNamedByItsAbsolutePath() {
    IllegalStateException e = expectThrows(IllegalStateException.class,
        () -> SharedFiles.capture("no-such-capture.pcap"));
    assertTrue(e.getMessage().startsWith("shared test data missing: " + SharedFiles.root().resolve("captures")
        .resolve("no-such-capture.pcap")), e.getMessage());
  }

  @Test
  public void theSharedFolderResolvesNextToTheProjectRoot() {
    assertEquals(SharedFiles.root(), SharedFiles.projectRoot().resolve("../shared").toAbsolutePath().normalize());
    assertTrue(Files.isDirectory(SharedFiles.root().resolve("captures")));
  }
}
