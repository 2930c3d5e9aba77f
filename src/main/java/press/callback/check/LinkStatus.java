package press.callback.check;

/**
 * What an external address answered when it was probed.
 *
 * @param url the address, without fragment
 * @param status the final HTTP status (after redirects), or 0 if there was no answer
 * @param failure why there was no answer ({@code "no answer within 5 s"}), or empty
 */
public record LinkStatus(String url, int status, String failure) {
  public LinkStatus {
    failure = failure == null ? "" : failure;
  }

  /** An answer with an HTTP status. */
  public static LinkStatus answered(String url, int status) {
    return new LinkStatus(url, status, "");
  }

  /** No answer: a timeout, a refused connection, an unknown host. */
  public static LinkStatus failed(String url, String failure) {
    return new LinkStatus(url, 0, failure);
  }

  /** A success or a redirect: the link works. */
  public boolean ok() {
    return failure.isEmpty() && status >= 200 && status < 400;
  }

  /** Gone for good (404 Not Found, 410 Gone): the link is broken, not the server. */
  public boolean gone() {
    return status == 404 || status == 410;
  }
}
