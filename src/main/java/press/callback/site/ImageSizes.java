package press.callback.site;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixel width of the site's own images, read from {@code assets/} or {@code content/} by
 * URL, so emails can give every image a width attribute.
 */
final class ImageSizes implements Function<String, OptionalInt> {
  private final String host;
  private final Path[] roots;
  private final Map<String, OptionalInt> cache = new HashMap<>();

  ImageSizes(String host, Path... roots) {
    this.host = host;
    this.roots = roots;
  }

  @Override
  public OptionalInt apply(String url) {
    return cache.computeIfAbsent(url, this::read);
  }

  private OptionalInt read(String url) {
    if (!url.startsWith(host + "/")) {
      return OptionalInt.empty(); // not ours: its size cannot be known at build time
    }
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    for (Path root : roots) {
      Path file = root.resolve(path.substring(1)).normalize();
      if (file.startsWith(root) && Files.isRegularFile(file)) {
        return width(file);
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt width(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return OptionalInt.empty();
      }
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return OptionalInt.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return OptionalInt.of(reader.getWidth(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }
}
