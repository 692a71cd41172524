#!/usr/bin/env python3
"""Check that a wf-report HTML page is well formed (standard library only).

The page goes through html.parser with a strict balance check: every
non-void element must be closed in order, nothing may be left open, no
<script> element, no attribute naming a URL other than the SVG namespace
and no on* event handler. Each <svg>...</svg> part is also parsed by
xml.etree.ElementTree, a real XML parser, so charts are well-formed XML.
Exit 0 when fine; otherwise print the first problem and exit 1.
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.svg_depth = 0
        self.seen = set()

    def where(self):
        return "line %d col %d" % self.getpos()

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag == "script":
            self.errors.append("%s: <script> element" % self.where())
        for k, v in attrs:
            if k.startswith("on"):
                self.errors.append("%s: event handler %s" % (self.where(), k))
            # url(#id) names an element of the page itself (a map's hatch
            # pattern); any other url( would fetch.
            if v and re.search(r"(https?:|//|url\((?!#[A-Za-z][\w-]*\)))", v) and k != "xmlns":
                self.errors.append("%s: external reference %s=%r" % (self.where(), k, v))
        if tag in VOID and self.svg_depth == 0:
            return
        self.stack.append((tag, self.where()))
        if tag == "svg":
            self.svg_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.errors.append("%s: event handler %s" % (self.where(), k))
        if tag not in VOID and self.svg_depth == 0:
            self.errors.append("%s: self-closed <%s/> outside SVG" % (self.where(), tag))

    def handle_endtag(self, tag):
        if tag in VOID and self.svg_depth == 0:
            self.errors.append("%s: end tag for void <%s>" % (self.where(), tag))
            return
        if not self.stack:
            self.errors.append("%s: </%s> with nothing open" % (self.where(), tag))
            return
        top, at = self.stack.pop()
        if top != tag:
            self.errors.append("%s: </%s> closes <%s> opened at %s" % (self.where(), tag, top, at))
        if tag == "svg":
            self.svg_depth -= 1


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("<!DOCTYPE html>"):
        print("%s: no <!DOCTYPE html>" % path)
        return 1
    p = Strict()
    p.feed(text)
    p.close()
    for tag, at in p.stack:
        p.errors.append("<%s> opened at %s never closed" % (tag, at))
    for need in ("html", "head", "title", "body", "h1"):
        if need not in p.seen:
            p.errors.append("no <%s>" % need)
    svgs = re.findall(r"<svg\b.*?</svg>", text, re.S)
    for i, s in enumerate(svgs):
        try:
            ET.fromstring(s)
        except ET.ParseError as e:
            p.errors.append("svg %d is not well-formed XML: %s" % (i + 1, e))
    if p.errors:
        print("%s: %s" % (path, p.errors[0]))
        return 1
    print("%s: well formed, %d svg" % (path, len(svgs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
