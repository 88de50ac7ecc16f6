# Sourced by test.sh: starts a throw-away PostgreSQL 15 server (as a non-root user, on a free port, in a
# temporary directory) and an SMTP sink that writes what it receives to a Maildir. Both stop on exit.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Runs a command as the PostgreSQL user when we are root (PostgreSQL refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  PG_DIR=$(mktemp -d /tmp/kakehashi-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  PG_PORT=$(free_port)
  as_pg_user "$bin/initdb" -D "$PG_DIR/data" -U kakehashi --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  # Where it lives: the cluster test restarts it (server/tests/cluster).
  export PG_DIR PG_PORT
  export KAKEHASHI_TEST_PG_ADMIN_URL="postgresql://kakehashi@127.0.0.1:$PG_PORT/postgres"
  as_pg_user "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U kakehashi kakehashi_unit
  export KAKEHASHI_TEST_PG_URL="postgresql://kakehashi@127.0.0.1:$PG_PORT/kakehashi_unit"
  echo "==> PostgreSQL 15 on port $PG_PORT ($PG_DIR)"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_pg_user /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

start_smtp_sink() {
  SMTP_DIR=$(mktemp -d /tmp/kakehashi-smtp.XXXXXX)
  SMTP_PORT=$(free_port)
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$SMTP_DIR/maildir" \
    >"$SMTP_DIR/sink.log" 2>&1 &
  SMTP_PID=$!
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
    sleep 0.1
  done
  export KAKEHASHI_TEST_SMTP_PORT=$SMTP_PORT KAKEHASHI_TEST_MAILDIR="$SMTP_DIR/maildir"
  echo "==> SMTP sink on port $SMTP_PORT ($SMTP_DIR/maildir)"
}

stop_smtp_sink() {
  [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null || true
  [ -n "${SMTP_DIR:-}" ] && rm -rf "$SMTP_DIR"
  return 0
}
