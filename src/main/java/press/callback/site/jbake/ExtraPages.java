package press.callback.site.jbake;

/** Extra pages ({@code press.page.<output>=<template>}): their URLs. */
final class ExtraPages {
  private ExtraPages() {}

  /** {@code snippets/index.html} → {@code /snippets/}; {@code robots.txt} → {@code /robots.txt}. */
  static String url(String output, String extension) {
    String index = "index" + extension;
    if (output.equals(index)) {
      return "/";
    }
    if (output.endsWith("/" + index)) {
      return "/" + output.substring(0, output.length() - index.length());
    }
    return "/" + output;
  }
}
