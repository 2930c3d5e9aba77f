#!/usr/bin/env python3
"""Compares two baked sites: the same files, and in each HTML page the same links and text.

Usage: compare_output.py STOCK_DIR PRESS_DIR
Prints a one-line summary, then the first differences of each kind. Heading ids, whitespace and
attribute order are ignored; the text is compared with whitespace collapsed.
"""
import html.parser
import os
import re
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])

    def handle_data(self, data):
        self.text.append(data)


def read(path):
    p = Page()
    with open(path, encoding="utf-8", errors="replace") as f:
        p.feed(f.read())
    return p.links, re.sub(r"\s+", " ", "".join(p.text)).strip()


def files(root):
    out = set()
    for d, _, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def main():
    stock, press = sys.argv[1], sys.argv[2]
    a, b = files(stock), files(press)
    only_stock, only_press = sorted(a - b), sorted(b - a)
    link_diff, text_diff = [], []
    for f in sorted(a & b):
        if not f.endswith(".html"):
            continue
        la, ta = read(os.path.join(stock, f))
        lb, tb = read(os.path.join(press, f))
        if la != lb:
            link_diff.append(f)
        if ta != tb:
            text_diff.append(f)
    print("files stock=%d press=%d only-in-stock=%d only-in-press=%d; pages with other links=%d, other text=%d"
          % (len(a), len(b), len(only_stock), len(only_press), len(link_diff), len(text_diff)))
    for label, items in (("only in stock", only_stock), ("only in press", only_press),
                         ("other links", link_diff), ("other text", text_diff)):
        for f in items[:5]:
            print("  %s: %s" % (label, f))


if __name__ == "__main__":
    main()
