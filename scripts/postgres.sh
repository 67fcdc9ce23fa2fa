# A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, reached only through a
# Unix socket in that folder, removed when the test command ends. Never touches a server already on the machine.
# shellcheck shell=bash

# Debian's server package; only installed when the test command runs as root.
POSTGRES_PACKAGES="postgresql"

postgres_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# start_test_postgres: sets SAFETY_ASSESS_TEST_POSTGRES to the server's URL, or leaves it empty and says why.
# A developer's own server can be used instead by setting SAFETY_ASSESS_TEST_POSTGRES before running the tests
# (a role that may create databases).
start_test_postgres() {
    [ -n "${SAFETY_ASSESS_TEST_POSTGRES:-}" ] && return 0
    local bin run_as=() folder
    ensure_debian_packages "$POSTGRES_PACKAGES"
    if ! bin=$(postgres_bin); then
        echo "PostgreSQL was not found (install Debian's postgresql package): the PostgreSQL runs are skipped" >&2
        return 0
    fi
    folder=$(mktemp -d "${TMPDIR:-/tmp}/safety-assess-postgres.XXXXXX")
    if [ "$(id -u)" = 0 ]; then  # the server refuses to run as root
        chown postgres: "$folder"
        run_as=(runuser -u postgres --)
    fi
    # Run from the folder (the server's user may not read the current one); the C locale exists everywhere.
    if ! (cd "$folder" && "${run_as[@]}" "$bin/initdb" -D "$folder/data" -U safety -A trust -E UTF8 --locale=C \
        --no-sync >"$folder/initdb.log" 2>&1) ||
        ! (cd "$folder" && "${run_as[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -s \
            -o "-k $folder -c listen_addresses= -c fsync=off -c full_page_writes=off" start); then
        echo "The test PostgreSQL server did not start (logs in $folder): the PostgreSQL runs are skipped" >&2
        return 0
    fi
    TEST_POSTGRES_FOLDER=$folder
    TEST_POSTGRES_RUN_AS=("${run_as[@]}")
    TEST_POSTGRES_BIN=$bin
    trap stop_test_postgres EXIT
    export SAFETY_ASSESS_TEST_POSTGRES="postgresql+psycopg://safety@/postgres?host=$folder"
}

stop_test_postgres() {
    [ -n "${TEST_POSTGRES_FOLDER:-}" ] || return 0
    (cd "$TEST_POSTGRES_FOLDER" &&
        "${TEST_POSTGRES_RUN_AS[@]}" "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_FOLDER/data" -w -s -m immediate stop) ||
        true
    rm -rf "$TEST_POSTGRES_FOLDER"
}
