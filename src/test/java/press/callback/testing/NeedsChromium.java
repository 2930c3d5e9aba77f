package press.callback.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a browser test class, saying why and how to install what it needs, where Chromium or
 * chromedriver is missing ({@code @ExtendWith(NeedsChromium.class)}). The class is then reported
 * as skipped with that message, and the message is printed once per class.
 */
public final class NeedsChromium implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return Browser.unavailable()
        .map(why -> {
          if (context.getTestMethod().isEmpty()) {
            System.err.println(context.getDisplayName() + ": " + why);
          }
          return ConditionEvaluationResult.disabled(why);
        })
        .orElse(ConditionEvaluationResult.enabled("Chromium and chromedriver found"));
  }
}
