#!/usr/bin/env bash
# `make demo`: SQLite database var/kakehashi.db with the demo data, server on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${KAKEHASHI_DB:-sqlite:var/kakehashi.db}
mkdir -p var
./build/kakehashi migrate --db "$db"
./build/kakehashi demo-data --db "$db"
echo
echo "Kakehashi is starting on http://127.0.0.1:8080  (Ctrl+C stops it)"
echo "Mails are not sent in the demo: read them at http://127.0.0.1:8080/mails"
echo "The second factor is optional for every role in the demo (in production the secretariat and coordinators"
echo "must set one up: configuration second_factor_roles); try it under アカウント設定."
echo
# Every demo role must be open to whoever runs the demo, without an authenticator app first.
# --demo: the sent-mail page (only ever on a loopback address; the server refuses it elsewhere).
exec ./build/kakehashi serve --demo --db "$db" --listen 127.0.0.1:8080 --web-root web/dist --second-factor-roles none
