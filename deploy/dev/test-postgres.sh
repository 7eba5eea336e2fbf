#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests: a fresh cluster in a temp directory, bound to 127.0.0.1 on a free port,
# its unix socket in that directory, with one database. Nothing of the machine's own PostgreSQL setup is used or
# changed. The tests find it through CRISISGRID_TEST_POSTGRES.
#
# Three ways to use it:
#   deploy/dev/test-postgres.sh run -- dotnet test tests/CrisisGrid.Silo.Tests
#       start, run the command with CRISISGRID_TEST_POSTGRES set, stop (also on failure or Ctrl-C).
#   eval "$(deploy/dev/test-postgres.sh start)"  ...  deploy/dev/test-postgres.sh stop "$CRISISGRID_TEST_POSTGRES_DIR"
#       start prints the export lines for the calling shell.
#   source deploy/dev/test-postgres.sh; test_postgres_start; ...; test_postgres_stop
#       the functions export the variables into the current shell.
#
# Installs Debian's `postgresql` package when no server binaries are found. initdb refuses to run as root, so as root
# the server runs as the `postgres` user the package creates.

test_postgres_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "test-postgres: no PostgreSQL server found; installing Debian's postgresql package" >&2
        # Keep the package from creating and starting a system-wide cluster: we only want the binaries.
        mkdir -p /etc/postgresql-common
        grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
            || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
            || { echo "test-postgres: installing postgresql failed" >&2; return 1; }
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    echo "$dir"
}

# Runs a command as the server's owner: `postgres` when we are root (initdb and postgres refuse root), else ourselves.
test_postgres_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

test_postgres_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

test_postgres_start() {
    local bindir dir port attempt database=crisisgrid_test
    bindir=$(test_postgres_bindir) || return 1
    dir=$(mktemp -d /tmp/crisisgrid-pg.XXXXXX) || return 1
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir" || return 1
    fi

    test_postgres_as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync \
        >"$dir/initdb.log" 2>&1 || { echo "test-postgres: initdb failed:" >&2; cat "$dir/initdb.log" >&2; return 1; }

    # A random free port; retried because another process may take it between the probe and the bind.
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 30000))
        test_postgres_port_free "$port" || continue
        if test_postgres_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null 2>&1; then
            break
        fi
        port=""
    done
    if [ -z "$port" ]; then
        echo "test-postgres: the server did not start; its log:" >&2
        cat "$dir/server.log" >&2
        return 1
    fi

    "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE DATABASE $database" >&2 || { test_postgres_stop "$dir"; return 1; }

    echo "$port" >"$dir/port"
    export CRISISGRID_TEST_POSTGRES_DIR="$dir"
    export CRISISGRID_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
    echo "test-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
}

test_postgres_stop() {
    local dir=${1:-${CRISISGRID_TEST_POSTGRES_DIR:-}} bindir
    if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
        echo "test-postgres: nothing to stop (no server directory given)" >&2
        return 0
    fi
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    test_postgres_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    if [ "${CRISISGRID_TEST_POSTGRES_DIR:-}" = "$dir" ]; then
        unset CRISISGRID_TEST_POSTGRES CRISISGRID_TEST_POSTGRES_DIR
    fi
}

# Executed rather than sourced: dispatch on the first argument.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -u
    case "${1:-}" in
        start)
            test_postgres_start || exit 1
            printf 'export CRISISGRID_TEST_POSTGRES=%q\nexport CRISISGRID_TEST_POSTGRES_DIR=%q\n' \
                "$CRISISGRID_TEST_POSTGRES" "$CRISISGRID_TEST_POSTGRES_DIR"
            ;;
        stop)
            test_postgres_stop "${2:-}"
            ;;
        run)
            shift
            [ "${1:-}" = "--" ] && shift
            [ $# -gt 0 ] || { echo "usage: $0 run -- COMMAND [ARG...]" >&2; exit 2; }
            test_postgres_start || exit 1
            trap 'test_postgres_stop "$CRISISGRID_TEST_POSTGRES_DIR"' EXIT INT TERM
            "$@"
            ;;
        *)
            sed -n '2,17p' "$0" >&2
            exit 2
            ;;
    esac
fi
