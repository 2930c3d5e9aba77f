package press.callback.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code yyyy-MM-ddTHH:mm} times of day from the command line (in the site's zone). */
final class DateTimeConverter implements ITypeConverter<LocalDateTime> {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

  @Override
  public LocalDateTime convert(String value) {
    try {
      return LocalDateTime.parse(value, FORMAT);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a time; write yyyy-MM-ddTHH:mm, for example 2026-11-30T08:05");
    }
  }
}
