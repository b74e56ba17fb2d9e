#!/bin/sh
# pytest-postgresql calls this instead of pg_ctl. pg_ctl (and initdb) refuse to run as root, so when we
# are root we hand the data and log folders to the `postgres` user and run pg_ctl as that user.
set -eu
PG_CTL=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
if [ "$(id -u)" -ne 0 ]; then
  exec "$PG_CTL" "$@"
fi
prev=""
for arg in "$@"; do
  case "$prev" in
    -D|--pgdata|-l|--log) folder=$(dirname "$arg")
      mkdir -p "$folder"
      chown postgres "$folder"
      # postgres must be able to walk down to the folder pytest made under root's private temp dir
      walk="$folder"
      while [ "$walk" != "/" ]; do chmod o+x "$walk"; walk=$(dirname "$walk"); done
      [ -e "$arg" ] && chown -R postgres "$arg" ;;
  esac
  case "$arg" in
    --pgdata=*) folder=$(dirname "${arg#--pgdata=}"); mkdir -p "$folder"; chown postgres "$folder" ;;
  esac
  prev="$arg"
done
exec runuser -u postgres -- "$PG_CTL" "$@"
