# shellcheck shell=bash
# Installs the Debian packages the run and test scripts need, when they are missing. Source this file.
#
# ensure_packages PACKAGE...: installs those of the packages that dpkg does not know as installed
# (as root, or through sudo).
# ensure_command COMMAND PACKAGE...: installs the packages when COMMAND is not on the PATH (for
# tools that may come from elsewhere, such as a newer Node.js than Debian's).

ensure_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== Installing Debian packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >&2
}

ensure_command() {
    local command=$1
    shift
    command -v "$command" >/dev/null 2>&1 || ensure_packages "$@"
}

# What building the Rust workspace needs (libpq for diesel) and psql, which the scripts call.
ensure_build_tools() {
    ensure_packages libpq-dev pkg-config
    ensure_command psql postgresql-client
}

# What serving needs: nginx and supervisord as in the container, envsubst for nginx.conf (any
# nginx flavour that is already installed will do).
ensure_serving_tools() {
    ensure_command nginx nginx-light
    ensure_command supervisord supervisor
    ensure_command envsubst gettext-base
}

# Debian's Chromium for the browser tests (driven through playwright-core; Playwright's own browser
# downloads are never used).
ensure_browser() {
    ensure_command chromium chromium chromium-driver
}
