#!/usr/bin/env bash
# The container's command (deployment.md §4): refuses to start on a database that does not match
# this version's migrations, sets the supervisor defaults and hands over to supervisord (PID 1).
set -euo pipefail
: "${DB_URL:?Missing required env \$DB_URL (the PostgreSQL database of ELLA)}"
: "${ELLA_CONFIG:?Missing required env \$ELLA_CONFIG (the application config file)}"
root=${ELLA_ROOT:-/ella}
cli=${ELLA_BIN:-$root/bin}/ella-cli

if ! "$cli" database compare; then
    cat >&2 <<'MESSAGE'
ELLA is not started: the database does not match this version's migrations (see above).
Back up the database, run `ella-cli database upgrade head` (in this image:
`docker run --rm -e DB_URL -e ELLA_CONFIG <image> ella-cli database upgrade head`), then start again.
A new, empty database is set up with `ella-cli database make-production` (docs/operations.md).
MESSAGE
    exit 1
fi

export SUPERVISOR_USERNAME=${SUPERVISOR_USERNAME:-ella}
export SUPERVISOR_PASSWORD=${SUPERVISOR_PASSWORD:-alleles}
export PORT=${PORT:-3114}
exec supervisord -c "${SUPERVISOR_CONFIG:-$root/supervisord.conf}"
