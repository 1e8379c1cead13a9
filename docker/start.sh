#!/bin/sh
# Starts the prepared Payara Micro, as whatever user the container runs as, and stops the embedded
# PostgreSQL cleanly after it.
set -eu
root=/opt/immich-album-export/root

# PostgreSQL's initdb refuses a user without a name (docker run --user 4321:4321): give it one.
if ! whoami >/dev/null 2>&1; then
    passwd=$(mktemp)
    cat /etc/passwd >"$passwd"
    echo "immich-export-$(id -u):x:$(id -u):$(id -g):Immich Album Export:${DATA_DIR:-/data}:/usr/sbin/nologin" >>"$passwd"
    export NSS_WRAPPER_PASSWD="$passwd" NSS_WRAPPER_GROUP=/etc/group LD_PRELOAD=libnss_wrapper.so
fi

if [ ! -w "${DATA_DIR:-/data}" ]; then
    echo "The data folder ${DATA_DIR:-/data} is not writable by user $(id -u):$(id -g): give it that owner (chown) or run the container as its owner" >&2
    exit 1
fi

# Java runs as a child of this script, so that the embedded PostgreSQL is seen shut down cleanly once
# Java has ended, and shut down here if Java could not (its log goes through Java).
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} @"$root/launch.options" -jar "$root/launch-micro.jar" \
    --nocluster --disablephonehome --port "${PORT:-8080}" "$@" &
java=$!
trap 'kill -TERM "$java" 2>/dev/null' TERM INT
status=0
wait "$java" || status=$?
if kill -0 "$java" 2>/dev/null; then
    # the wait was cut short by the signal: wait for Java to end
    status=0
    wait "$java" || status=$?
fi

# PostgreSQL removes its postmaster.pid when it shuts down, and leaves it when it is killed.
database="${DATA_DIR:-/data}/postgres"
if [ -f "$database/postmaster.pid" ]; then
    for pg_ctl in /tmp/embedded-pg/*/bin/pg_ctl; do
        [ -x "$pg_ctl" ] && "$pg_ctl" stop -D "$database" -m fast -w -t 5 && break
    done
elif [ -d "$database" ]; then
    echo "The embedded PostgreSQL has shut down cleanly"
fi
exit "$status"
