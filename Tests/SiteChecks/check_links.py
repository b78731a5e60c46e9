#!/usr/bin/env python3
"""Check the internal links of a built static site.

usage: check_links.py SITE_DIR [--base-url URL]

Every .html file under SITE_DIR is parsed (html.parser). Every URL in an
href/src/srcset/poster/data/action/formaction/cite/xlink:href attribute (and
in og:url/og:image/twitter:image <meta> content) is checked:
  - relative links are resolved against the page's folder; root-relative
    links (/x) against the base URL's path (or SITE_DIR without one);
  - the target must be a file in SITE_DIR; a link to a folder needs the
    folder's index.html;
  - a #fragment (same page or another page) must match an element id, or
    the name of an <a>, in the target page;
  - links must not climb out of SITE_DIR.
External links (http:, https:, //host) are skipped, except those that start
with --base-url: they are mapped onto SITE_DIR and checked like the rest.
mailto:, tel:, data:, javascript: and other schemes are skipped.
Each page is also checked for duplicate ids.

Output: one `path:line:column: error: message` line per finding, then a
summary line. Exit status 0 when nothing was found, 1 on any finding,
2 on a usage error.
"""

import argparse
import html.parser
import os
import posixpath
import re
import sys
import urllib.parse

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402

# (tag or "*", attribute) pairs that hold one URL.
URL_ATTRS = {
    ("*", "href"), ("*", "src"), ("*", "xlink:href"),
    ("video", "poster"), ("object", "data"), ("form", "action"),
    ("button", "formaction"), ("input", "formaction"),
    ("blockquote", "cite"), ("q", "cite"), ("del", "cite"), ("ins", "cite"),
}
SRCSET_ATTRS = {"srcset", "imagesrcset"}
SKIP_LINK_RELS = {"preconnect", "dns-prefetch"}  # these name an origin, not a resource
# <meta property/name=... content=URL> (Open Graph / Twitter cards): absolute, checked under --base-url.
META_URL_KEYS = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "og:audio", "og:video",
                 "twitter:image", "twitter:image:src"}


class Page:
    def __init__(self, rel):
        self.rel = rel
        self.ids = {}        # id -> (line, col) of first occurrence
        self.anchors = set()  # ids + <a name>
        self.links = []      # (line, col, tag, attr, url)
        self.dup_ids = []    # (line, col, id, first_line)
        self.base_href = None


class PageParser(html.parser.HTMLParser):
    def __init__(self, page, source):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.source_lines = source.splitlines(keepends=True)

    def _attr_pos(self, attr_name):
        """Line/column (1-based) of `attr_name=` inside the current start tag."""
        line, col = self.getpos()
        text = self.get_starttag_text() or ""
        m = re.search(r"[\s/]" + re.escape(attr_name) + r"\s*=", text, re.IGNORECASE)
        if not m:
            return line, col + 1
        before = text[:m.start() + 1]
        nl = before.count("\n")
        if nl:
            return line + nl, len(before) - before.rfind("\n")
        return line, col + len(before) + 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag, attrs):
        page = self.page
        amap = {}
        for name, value in attrs:
            amap.setdefault(name, value)
        ident = amap.get("id")
        if ident is not None and ident != "":
            line, col = self._attr_pos("id")
            if ident in page.ids:
                page.dup_ids.append((line, col, ident, page.ids[ident][0]))
            else:
                page.ids[ident] = (line, col)
            page.anchors.add(ident)
        if tag == "a" and amap.get("name"):
            page.anchors.add(amap["name"])
        if tag == "base" and amap.get("href") is not None and page.base_href is None:
            page.base_href = amap["href"]
            return
        if tag == "meta":
            key = (amap.get("property") or amap.get("name") or "").strip().lower()
            if key in META_URL_KEYS and amap.get("content"):
                line, col = self._attr_pos("content")
                page.links.append((line, col, tag, "content", amap["content"]))
            return
        if tag == "link":
            rels = set((amap.get("rel") or "").lower().split())
            if rels & SKIP_LINK_RELS:
                return
        for name, value in attrs:
            if value is None:
                continue
            if name in SRCSET_ATTRS:
                line, col = self._attr_pos(name)
                for cand in value.split(","):
                    url = cand.strip().split()[0] if cand.strip() else ""
                    if url:
                        page.links.append((line, col, tag, name, url))
            elif ("*", name) in URL_ATTRS or (tag, name) in URL_ATTRS:
                line, col = self._attr_pos(name)
                page.links.append((line, col, tag, name, value))


def parse_page(site_dir, rel):
    path = os.path.join(site_dir, rel)
    with open(path, "rb") as f:
        raw = f.read()
    source = raw.decode("utf-8", errors="replace")
    page = Page(rel)
    parser = PageParser(page, source)
    parser.feed(source)
    parser.close()
    return page


class Resolver:
    def __init__(self, site_dir, base_url):
        self.site_dir = site_dir
        self.base_url = lib.normalize_base_url(base_url)
        if self.base_url:
            b = urllib.parse.urlsplit(self.base_url)
            self.base_netloc = b.netloc
            self.base_path = b.path
        else:
            self.base_netloc = None
            self.base_path = "/"

    def resolve(self, page_dir, url):
        """-> ("skip", None) | ("error", message) | ("ok", (rel_path_or_None, is_dir_hint, fragment)).

        rel_path None means "this same page"."""
        url = url.strip()
        # HTML URL parsing strips ASCII tab/newline anywhere.
        url = re.sub(r"[\t\n\r]", "", url)
        if url == "":
            return "ok", (None, False, None)
        try:
            parts = urllib.parse.urlsplit(url)
        except ValueError as e:
            return "error", "unparsable URL (%s)" % e
        scheme = parts.scheme.lower()
        fragment = urllib.parse.unquote(parts.fragment) if "#" in url else None

        if scheme and scheme not in ("http", "https"):
            return "skip", None
        if scheme or url.startswith("//"):
            # Absolute or scheme-relative: internal only if under --base-url.
            if not self.base_url:
                return "skip", None
            if parts.netloc.lower() != self.base_netloc:
                return "skip", None
            if scheme and scheme != urllib.parse.urlsplit(self.base_url).scheme:
                return "skip", None
            path = parts.path or "/"
            if path + "/" == self.base_path:
                path = self.base_path
            if not path.startswith(self.base_path):
                return "skip", None  # same host, outside the site
            rel = path[len(self.base_path):]
        elif parts.path.startswith("/"):
            path = parts.path
            if path + "/" == self.base_path:
                path = self.base_path
            if not path.startswith(self.base_path):
                return "error", ("root-relative link outside the base path %s; "
                                 "it would not resolve into this site" % self.base_path)
            rel = path[len(self.base_path):]
        else:
            if parts.path == "":
                return "ok", (None, False, fragment)  # ?query or #fragment on this page
            joined = posixpath.join(page_dir, parts.path) if page_dir else parts.path
            norm = posixpath.normpath(joined)
            if norm == ".." or norm.startswith("../"):
                return "error", "climbs out of the site folder"
            rel = "" if norm == "." else norm
            if parts.path.endswith("/") or parts.path in (".", "..") or parts.path.endswith(("/.", "/..")):
                rel = rel + "/" if rel else ""
        rel = urllib.parse.unquote(rel)
        # Normalise any ./ or ../ in absolute paths too.
        is_dir = rel == "" or rel.endswith("/")
        if rel:
            norm = posixpath.normpath(rel)
            if norm == ".." or norm.startswith("../"):
                return "error", "climbs out of the site folder"
            rel = "" if norm == "." else norm
        return "ok", (rel, is_dir, fragment)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Check internal links, fragments and duplicate ids of a built site.")
    ap.add_argument("site_dir")
    ap.add_argument("--base-url", default=None,
                    help="absolute links starting with this URL are mapped onto SITE_DIR and checked")
    args = ap.parse_args(argv)
    site_dir = args.site_dir
    if not os.path.isdir(site_dir):
        print("check_links: %s: not a directory" % site_dir, file=sys.stderr)
        return 2
    try:
        resolver = Resolver(site_dir, args.base_url)
    except ValueError as e:
        print("check_links: %s" % e, file=sys.stderr)
        return 2

    rels = lib.html_files(site_dir)
    pages = {}
    findings = []
    for rel in rels:
        try:
            pages[rel] = parse_page(site_dir, rel)
        except (OSError, UnicodeError) as e:
            findings.append("%s:1:1: error: cannot read page: %s" % (os.path.join(site_dir, rel), e))

    def anchors_of(rel):
        if rel not in pages:
            try:
                pages[rel] = parse_page(site_dir, rel)
            except (OSError, UnicodeError):
                return None
        return pages[rel].anchors

    n_links = n_checked = 0
    for rel in rels:
        page = pages.get(rel)
        if page is None:
            continue
        shown = os.path.join(site_dir, rel)
        for line, col, ident, first in page.dup_ids:
            findings.append("%s:%d:%d: error: duplicate id %r (first used on line %d)" % (shown, line, col, ident, first))
        page_dir = posixpath.dirname(rel)
        if page.base_href is not None:
            kind, res = resolver.resolve(page_dir, page.base_href)
            if kind == "ok" and res[0] is not None:
                page_dir = res[0].rstrip("/") if res[1] else posixpath.dirname(res[0])
        for line, col, tag, attr, url in page.links:
            n_links += 1
            where = "%s:%d:%d" % (shown, line, col)
            kind, res = resolver.resolve(page_dir, url)
            if kind == "skip":
                continue
            n_checked += 1
            if kind == "error":
                findings.append("%s: error: <%s %s=\"%s\">: %s" % (where, tag, attr, url, res))
                continue
            target, is_dir, fragment = res
            if target is None:
                target_rel = rel
            else:
                fs_path = os.path.join(site_dir, target) if target else site_dir
                if is_dir or os.path.isdir(fs_path):
                    if not os.path.isdir(fs_path):
                        findings.append("%s: error: <%s %s=\"%s\">: folder %s does not exist"
                                        % (where, tag, attr, url, target.rstrip("/") + "/"))
                        continue
                    index = os.path.join(fs_path, "index.html")
                    if not os.path.isfile(index):
                        findings.append("%s: error: <%s %s=\"%s\">: folder %s has no index.html"
                                        % (where, tag, attr, url, (target.rstrip("/") + "/") if target else "./"))
                        continue
                    target_rel = posixpath.join(target.rstrip("/"), "index.html") if target else "index.html"
                elif os.path.isfile(fs_path):
                    target_rel = target
                else:
                    findings.append("%s: error: <%s %s=\"%s\">: %s does not exist in the site"
                                    % (where, tag, attr, url, target))
                    continue
            if fragment is None or fragment == "" or fragment.startswith(":~:"):
                continue
            if not target_rel.lower().endswith((".html", ".htm")):
                continue
            anchors = anchors_of(target_rel)
            if anchors is None:
                continue
            if fragment not in anchors:
                if fragment.lower() == "top":
                    continue  # "#top" scrolls to the top by the HTML spec
                on = "this page" if target_rel == rel else target_rel
                findings.append("%s: error: <%s %s=\"%s\">: no element with id %r on %s"
                                % (where, tag, attr, url, fragment, on))

    for line in findings:
        print(line)
    print("check_links: %d pages, %d links (%d internal checked), %d error%s"
          % (len(rels), n_links, n_checked, len(findings), "" if len(findings) == 1 else "s"))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
