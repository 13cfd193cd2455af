package dev.dmvpn.topology.secrets;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.topology.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class SecretResolverTest {
  private Path dir;
  private final SecretResolver resolver = new SecretResolver(Map.of("DMVPN_PSK", "cisco123", "EMPTY", ""));

  @BeforeMethod
  public void makeDir() throws Exception {
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "secrets");
  }

  @AfterMethod(alwaysRun = true)
  public void removeDir() throws Exception {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Path file(String content, String mode) throws Exception {
    Path f = dir.resolve("s" + System.nanoTime());
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  @Test
  public void environmentVariable() throws Exception {
    assertEquals(resolver.resolve(new SecretRef.Env("DMVPN_PSK")).reveal(), "cisco123");
    var e = expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.Env("NOPE")));
    assertEquals(e.getMessage(), "environment variable NOPE is not set or empty");
    expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.Env("EMPTY")));
  }

  @Test
  public void ownerOnlyFileIsRead() throws Exception {
    assertEquals(resolver.resolve(new SecretRef.File(file("s3cret\n", "rw-------"))).reveal(), "s3cret");
    assertEquals(resolver.resolve(new SecretRef.File(file("s3cret\r\n", "r--------"))).reveal(), "s3cret");
    assertEquals(resolver.resolve(new SecretRef.File(file("s3cret", "r--------"))).toString(), "*****");
  }

  @Test
  public void groupOrOtherReadableFilesAreRefused() throws Exception {
    Path worldReadable = file("s3cret\n", "rw-r--r--");
    var e = expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(worldReadable)));
    assertEquals(e.getMessage(), "credentials file " + worldReadable + " has mode rw-r--r-- (0644); it must be "
        + "readable by its owner only: chmod 600 " + worldReadable);
    Path groupReadable = file("s3cret\n", "rw-r-----");
    e = expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(groupReadable)));
    assertTrue(e.getMessage().contains("(0640)"), e.getMessage());
    Path groupWritable = file("s3cret\n", "rw--w----");
    expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(groupWritable)));
    assertTrue(!e.getMessage().contains("s3cret"));
  }

  @Test
  public void missingDirectoryEmptyOrMultiLineFilesAreRefused() throws Exception {
    Path missing = dir.resolve("absent");
    var e = expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(missing)));
    assertEquals(e.getMessage(), "credentials file " + missing + " does not exist");
    e = expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(dir)));
    assertEquals(e.getMessage(), "credentials file " + dir + " is not a regular file");
    Path empty = file("", "rw-------");
    expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(empty)));
    Path two = file("a\nb\n", "rw-------");
    e = expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(two)));
    assertTrue(e.getMessage().contains("one line"), e.getMessage());
    Path big = file("x".repeat(5000), "rw-------");
    expectThrows(SecretUnavailableException.class, () -> resolver.resolve(new SecretRef.File(big)));
  }

  @Test
  public void badVariableNamesAreRefusedAtConstruction() {
    expectThrows(IllegalArgumentException.class, () -> new SecretRef.Env("1BAD"));
    expectThrows(IllegalArgumentException.class, () -> new SecretRef.Env("A B"));
  }
}
