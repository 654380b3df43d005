# shellcheck shell=bash
# Helpers to find or start PostgreSQL for the run and test scripts. Source this file.
#
# ensure_private_postgres DIR PORT: starts (once) a PostgreSQL cluster of our own with its data in
# DIR and its socket in DIR/socket, listening on 127.0.0.1:PORT, and prints its server URL
# (database `postgres`). Running it again reuses the cluster. PostgreSQL refuses to run as root,
# so under root the cluster belongs to the `postgres` system user.

pg_bin() {
    local tool=$1
    for dir in /usr/lib/postgresql/*/bin /usr/local/bin /usr/bin; do
        if [ -x "$dir/$tool" ]; then echo "$dir/$tool"; return 0; fi
    done
    echo "PostgreSQL's $tool is not installed (Debian: apt-get install postgresql)" >&2
    return 1
}

as_cluster_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_private_postgres() {
    local dir=$1 port=$2 initdb pg_ctl
    initdb=$(pg_bin initdb) && pg_ctl=$(pg_bin pg_ctl) || return 1
    mkdir -p "$dir/socket"
    if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        echo "Creating a private PostgreSQL cluster in $dir/data" >&2
        as_cluster_owner "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    fi
    if ! as_cluster_owner "$pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_cluster_owner "$pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w \
            -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1" start >&2 \
            || { tail -20 "$dir/postgres.log" >&2; return 1; }
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
}

# postgres_reachable URL: whether a server answers at URL.
postgres_reachable() {
    psql "$1" -Atqc 'SELECT 1' >/dev/null 2>&1
}
