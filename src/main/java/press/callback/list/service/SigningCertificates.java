package press.callback.list.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS's signing certificates by URL, fetched once each (SNS signs with one for months) and kept,
 * a few at most. A certificate that cannot be fetched or read is not kept, so the next message
 * tries again.
 */
final class SigningCertificates {
  /** A PEM certificate is about 2 KB. */
  static final int MAX_BYTES = 64 * 1024;
  private static final int KEPT = 16;

  private final Fetch fetch;
  private final Map<URI, X509Certificate> kept = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<URI, X509Certificate> eldest) {
      return size() > KEPT;
    }
  };

  SigningCertificates(Fetch fetch) {
    this.fetch = fetch;
  }

  /**
   * The certificate at {@code url} (a URL already checked to be SNS's own).
   *
   * @throws IOException when it cannot be fetched or is not a certificate
   */
  X509Certificate get(URI url) throws IOException {
    synchronized (kept) {
      X509Certificate c = kept.get(url);
      if (c != null) {
        return c;
      }
    }
    byte[] pem = fetch.get(url, MAX_BYTES);
    X509Certificate c;
    try {
      c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    } catch (CertificateException | ClassCastException e) {
      throw new IOException("the signing certificate at " + url + " is not an X.509 certificate");
    }
    synchronized (kept) {
      kept.put(url, c);
    }
    return c;
  }
}
