# Sourced by scripts/deploy-local and scripts/bench-load: nginx in front of two app servers, from
# deploy/nginx.conf.template (used as is), with a self-signed certificate; every file of the
# running nginx (configuration, pid, logs, temporary files) lives in the given run directory.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_nginx() {
  if ! command -v nginx >/dev/null; then
    echo "==> apt-get install nginx-light"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx-light >/dev/null
  fi
}

# start_nginx RUN APP_PORT1 APP_PORT2 HTTPS_PORT HTTP_PORT
start_nginx() {
  local run=$1 port1=$2 port2=$3 https_port=$4 http_port=$5
  chmod 755 "$run"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/key.pem" -out "$run/cert.pem" -days 7 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
  sed -e "s|@RUN@|$run|g" -e "s|@PORT1@|$port1|g" -e "s|@PORT2@|$port2|g" -e "s|@HTTPS_PORT@|$https_port|g" \
    -e "s|@HTTP_PORT@|$http_port|g" -e "s|@CERT@|$run/cert.pem|g" -e "s|@KEY@|$run/key.pem|g" \
    -e "s|@PUBLIC@|$PWD/Public|g" deploy/nginx.conf.template >"$run/nginx.conf"
  nginx -t -q -c "$run/nginx.conf" -p "$run"
  nginx -c "$run/nginx.conf" -p "$run"
}

# stop_nginx RUN: stops the nginx started with that run directory, by its PID.
stop_nginx() {
  if [ -f "$1/nginx.pid" ]; then kill "$(cat "$1/nginx.pid")" 2>/dev/null || true; fi
}
