package press.callback.content;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The parser's events, counting how deep collections are nested: one deeper than {@link
 * YamlFields#MAX_DEPTH} stops the composing (the rest is still parsed, for the number of levels).
 */
final class YamlDepthLimit implements Parser {
  private final Parser events;
  private int depth;

  YamlDepthLimit(Parser events) {
    this.events = events;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return events.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return events.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return events.hasNext();
  }

  @Override
  public Event next() {
    Event event = events.next();
    if (event.getEventId() == Event.ID.MappingStart || event.getEventId() == Event.ID.SequenceStart) {
      depth++;
      if (depth > YamlFields.MAX_DEPTH) {
        throw deepest(event.getStartMark());
      }
    } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
      depth--;
    }
    return event;
  }

  /** Reads the remaining events for the deepest level (as far as the YAML can be parsed). */
  private TooDeep deepest(Optional<Mark> at) {
    int deepest = depth;
    try {
      while (events.hasNext()) {
        Event.ID id = events.next().getEventId();
        if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
          deepest = Math.max(deepest, ++depth);
        } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
          depth--;
        }
      }
    } catch (YamlEngineException e) {
      return new TooDeep(at, deepest, false);
    }
    return new TooDeep(at, deepest, true);
  }

  /** Collections nested more than {@link YamlFields#MAX_DEPTH} deep, the first of them at {@code at}. */
  static final class TooDeep extends RuntimeException {
    final transient Optional<Mark> at;
    final int levels;
    final boolean complete;

    TooDeep(Optional<Mark> at, int levels, boolean complete) {
      super(null, null, false, false);
      this.at = at;
      this.levels = levels;
      this.complete = complete;
    }
  }
}
