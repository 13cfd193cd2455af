package dev.dmvpn.topology.validate;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** A testbed whose credentials file (next to it) is owner-only, then too open, then missing. */
public class CredentialFileValidationTest {
  private Path dir;
  private Path testbed;
  private Path secret;

  @BeforeMethod
  public void copyTestbed() throws Exception {
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tb");
    testbed = dir.resolve("secrets-from-file.yaml");
    Files.copy(Path.of("src/test/resources/topologies/valid/secrets-from-file.yaml"), testbed);
    secret = dir.resolve("r1.secret");
    Files.writeString(secret, "not-a-real-password\n");
  }

  @AfterMethod(alwaysRun = true)
  public void remove() throws Exception {
    Files.deleteIfExists(secret);
    Files.deleteIfExists(testbed);
    Files.deleteIfExists(dir);
  }

  @Test
  public void ownerOnlyFileIsAccepted() throws Exception {
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    LoadResult r = TestbedLoader.loadAndValidate(testbed);
    assertEquals(r.problems(), List.of(), r.report());
  }

  @Test
  public void permissiveModeIsAProblemAtThePasswordLine() throws Exception {
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-rw-r--"));
    LoadResult r = TestbedLoader.loadAndValidate(testbed);
    assertEquals(r.report(), testbed + ":9: devices.r1.credentials.default.password: credentials file " + secret
        + " has mode rw-rw-r-- (0664); it must be readable by its owner only: chmod 600 " + secret + "\n");
  }

  @Test
  public void missingFileIsAProblemAtThePasswordLine() throws Exception {
    Files.delete(secret);
    LoadResult r = TestbedLoader.loadAndValidate(testbed);
    assertEquals(r.report(), testbed + ":9: devices.r1.credentials.default.password: credentials file " + secret
        + " does not exist\n");
  }
}
