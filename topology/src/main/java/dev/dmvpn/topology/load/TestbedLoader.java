package dev.dmvpn.topology.load;

import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import dev.dmvpn.topology.validate.TestbedValidator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a testbed file (ours, or a pyATS testbed unchanged) into a {@link Testbed} plus every problem found, each
 * naming the file, the line and the field. Never throws. Cross-field checks (addresses, subnets, references) are
 * {@code TestbedValidator}'s; {@link #loadAndValidate} runs both.
 */
public final class TestbedLoader {
  /** A rack of a few hundred routers is far below this; a bigger file is a mistake. */
  public static final int MAX_CHARS = 1 << 20;

  private static final Set<String> TOP_KEYS = Set.of("testbed", "devices", "topology", "captures", "dmvpn");
  private static final Set<String> TESTBED_KEYS =
      Set.of("name", "alias", "credentials", "custom", "servers", "tacacs", "passwords", Fields.FILLED);

  private TestbedLoader() {}

  /** Reads a file; relative credential-file paths resolve against its directory. */
  public static LoadResult load(Path file) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_CHARS) {
        return failed(name, "the file is " + size + " bytes; a testbed may have at most " + MAX_CHARS);
      }
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      Path dir = file.toAbsolutePath().getParent();
      return load(name, text, dir);
    } catch (CharacterCodingException e) {
      return failed(name, "the file is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      return failed(name, "cannot read the file: " + e);
    }
  }

  /** Reads text; {@code name} is what problems call the file. */
  public static LoadResult load(String name, String text, Path baseDir) {
    if (text.length() > MAX_CHARS) {
      return failed(name, "the text is " + text.length() + " characters; a testbed may have at most " + MAX_CHARS);
    }
    List<TestbedProblem> problems = new ArrayList<>();
    Fields f = new Fields(name, problems);
    Optional<YamlNode> root = new YamlTreeReader(name, problems).read(text);
    Optional<Testbed> testbed = root.flatMap(r -> f.mapping(r, "(file)")).map(m -> build(m, f, baseDir));
    return new LoadResult(testbed, f.locations(), sorted(problems));
  }

  /** Load, then validate when the model could be built: every problem of both, at once. */
  public static LoadResult loadAndValidate(Path file) {
    return validated(load(file));
  }

  /** {@link #load(String, String, Path)} then validate. */
  public static LoadResult loadAndValidate(String name, String text, Path baseDir) {
    return validated(load(name, text, baseDir));
  }

  private static LoadResult validated(LoadResult r) {
    if (r.testbed().isEmpty()) {
      return r;
    }
    List<TestbedProblem> all = new ArrayList<>(r.problems());
    all.addAll(TestbedValidator.validate(r.testbed().get(), r.locations()));
    return new LoadResult(r.testbed(), r.locations(), sorted(all));
  }

  private static Testbed build(Mapping root, Fields f, Path baseDir) {
    Set<String> top = new HashSet<>(TOP_KEYS);
    top.add("extends");
    f.onlyKeys(root, "", top);
    if (root.entries().containsKey("extends")) {
      f.error(root.entries().get("extends").keyLine(), "extends", "pyATS extends: is not supported; merge the files");
    }
    SecretRefReader secrets = new SecretRefReader(f, baseDir);
    String name = "testbed";
    Map<String, Credential> credentials = Map.of();
    Optional<Mapping> tb = f.value(root, "", "testbed", false).flatMap(n -> f.mapping(n, "testbed"));
    if (tb.isPresent()) {
      f.onlyKeys(tb.get(), "testbed", TESTBED_KEYS);
      f.filledNotes(tb.get(), "testbed");
      name = f.string(tb.get(), "testbed", "name", false).orElse(name);
      Map<String, Credential> all = new LinkedHashMap<>(secrets.legacyPasswords(tb.get(), "testbed"));
      all.putAll(secrets.credentials(tb.get(), "testbed"));
      credentials = all;
    }
    Map<String, Device> devices = new DeviceReader(f, secrets).devices(root);
    Set<String> declared = declaredDevices(root);
    TopologyReader.Result topo = new TopologyReader(f).read(root, devices, declared);
    Map<String, Device> withInterfaces = new LinkedHashMap<>();
    devices.forEach((n, d) -> withInterfaces.put(n, d.withInterfaces(topo.interfaces().getOrDefault(n, Map.of()))));
    Map<String, CapturePoint> captures = new CaptureReader(f).read(root);
    Optional<Dmvpn> dmvpn = new DmvpnReader(f, secrets).read(root);
    return new Testbed(name, withInterfaces, topo.links(), credentials, captures, dmvpn, f.filled());
  }

  /** Device names as written, even those whose entry had errors (so they are not also "unknown" elsewhere). */
  private static Set<String> declaredDevices(Mapping root) {
    YamlNode.Entry e = root.entries().get("devices");
    return e != null && e.value() instanceof Mapping m ? m.entries().keySet() : Set.of();
  }

  private static LoadResult failed(String name, String message) {
    return new LoadResult(Optional.empty(), Locations.none(name),
        List.of(new TestbedProblem(name, 0, "(file)", message)));
  }

  private static List<TestbedProblem> sorted(List<TestbedProblem> problems) {
    return problems.stream().sorted(Comparator.comparingInt(TestbedProblem::line)).toList();
  }
}
