package press.callback.content.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes a document post-processor works on, found by one walk of the tree.
 *
 * <p>Why not flexmark's node post-processors: for them flexmark first files every node of the
 * document into a classification bag (a hash entry and an ancestry bit set per node), which
 * doubled the memory of a large document and took a third of its Markdown time. A document
 * post-processor walks the tree itself and gets the same nodes in the same order.
 */
final class DocumentNodes {
  /** Where a node post-processor reports its changes: nothing keeps track of them here. */
  static final NodeTracker UNTRACKED = new NodeTracker() {
    @Override
    public void nodeAdded(Node node) {}

    @Override
    public void nodeAddedWithChildren(Node node) {}

    @Override
    public void nodeAddedWithDescendants(Node node) {}

    @Override
    public void nodeRemoved(Node node) {}

    @Override
    public void nodeRemovedWithChildren(Node node) {}

    @Override
    public void nodeRemovedWithDescendants(Node node) {}
  };

  private DocumentNodes() {}

  /**
   * The nodes of exactly class {@code type} (not its subclasses, as flexmark classifies them), in
   * document order, leaving out those inside a node of one of the {@code skipInside} types.
   * Collected before any is changed, so nodes a post-processor adds are not visited, as in
   * flexmark. Walks without recursion: a deeply nested document does not overflow the stack.
   */
  static <T extends Node> List<T> ofClass(Document doc, Class<T> type, Class<?>... skipInside) {
    List<T> found = new ArrayList<>();
    walk(doc, node -> node.getClass() == type, skipInside, node -> found.add(type.cast(node)));
    return found;
  }

  /** The nodes of exactly one of {@code types}, in document order, collected as {@link #ofClass}. */
  static List<Node> ofClasses(Document doc, java.util.Set<Class<?>> types) {
    List<Node> found = new ArrayList<>();
    walk(doc, node -> types.contains(node.getClass()), new Class<?>[0], found::add);
    return found;
  }

  /** Visits the nodes that {@code match}, depth first, without recursion, not below {@code skipInside}. */
  private static void walk(Document doc, java.util.function.Predicate<Node> match, Class<?>[] skipInside,
      java.util.function.Consumer<Node> visit) {
    Node node = doc.getFirstChild();
    while (node != null) {
      if (match.test(node)) {
        visit.accept(node);
      }
      Node child = isAny(node, skipInside) ? null : node.getFirstChild();
      if (child != null) {
        node = child;
        continue;
      }
      while (node != doc && node.getNext() == null) {
        node = node.getParent();
      }
      node = node == doc ? null : node.getNext();
    }
  }

  private static boolean isAny(Node node, Class<?>[] types) {
    for (Class<?> t : types) {
      if (t.isInstance(node)) {
        return true;
      }
    }
    return false;
  }
}
