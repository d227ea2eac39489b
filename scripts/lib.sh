# Shared helpers for scripts/test and scripts/quickstart. Source it; it defines functions only.

# Where the project lives (the folder above scripts/).
SMSAUTH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '==> %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the Debian packages the build needs, only those that are missing.
ensure_apt_packages() {
  local missing=()
  for pkg in libyaml-dev libcurl4-openssl-dev openssl python3-venv pkg-config; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Sets EMULATOR_PYTHON to a Python that has every pinned emulator requirement at its exact version: the
# system one when it already has them, else a project-local venv (.venv) that gets them from PyPI.
ensure_emulator_python() {
  local req="$SMSAUTH_ROOT/scripts/emulator/requirements.txt"
  if python3 "$SMSAUTH_ROOT/scripts/emulator/check_requirements.py" "$req" 2>/dev/null; then
    EMULATOR_PYTHON=$(command -v python3)
    return
  fi
  ensure_pinned_venv "$SMSAUTH_ROOT/.venv" "$req"
  EMULATOR_PYTHON="$SMSAUTH_ROOT/.venv/bin/python"
}

# Makes the venv VENV hold every pinned requirement of the file REQ at its exact version (creating or updating it).
ensure_pinned_venv() {
  local venv=$1 req=$2
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" "$SMSAUTH_ROOT/scripts/emulator/check_requirements.py" "$req" 2>/dev/null; then
    log "installing the pinned Python packages of ${req#"$SMSAUTH_ROOT"/} into ${venv#"$SMSAUTH_ROOT"/}"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$venv/bin/python" -m pip install -q -r "$req"
  fi
}

# Makes `systemd-analyze` available: Debian ships it in the `systemd` package.
ensure_systemd_analyze() {
  command -v systemd-analyze >/dev/null && return
  log "installing Debian package: systemd (for systemd-analyze)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends systemd >/dev/null
}

# Checks the deploy kit (deploy/); fails on any finding, printing it:
# - the systemd unit with `systemd-analyze verify` (its ExecStart pointed at the binary SMSAUTH_BIN, since verify
#   requires the program to exist); any line it prints (an unknown key, a bad value) is a failure; and with
#   `systemd-analyze security`, whose exposure score (0 best, 10 worst) must stay at most 2.0;
# - the GitHub Actions workflow with actionlint, from the pinned PyPI package in deploy/requirements.txt (.venv-deploy).
# The Kubernetes example is checked by Tests/Python/test_deploy_kubernetes.py.
check_deploy_kit() {
  local bin=$1 unit="$SMSAUTH_ROOT/deploy/systemd/smsauth-controller.service"
  ensure_systemd_analyze
  local scratch; scratch=$(mktemp -d)
  sed "s#/usr/local/bin/smsauth#$bin#" "$unit" >"$scratch/smsauth-controller.service"
  local findings status=0
  findings=$(systemd-analyze verify "$scratch/smsauth-controller.service" 2>&1) || status=$?
  if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
    log "systemd-analyze verify deploy/systemd/smsauth-controller.service failed:"
    printf '%s\n' "$findings" >&2
    rm -r "$scratch"
    return 1
  fi
  if ! findings=$(systemd-analyze security --offline=yes --threshold=20 "$scratch/smsauth-controller.service" 2>&1); then
    log "deploy/systemd/smsauth-controller.service is less hardened than its exposure limit (2.0):"
    printf '%s\n' "$findings" >&2
    rm -r "$scratch"
    return 1
  fi
  rm -r "$scratch"
  ensure_pinned_venv "$SMSAUTH_ROOT/.venv-deploy" "$SMSAUTH_ROOT/deploy/requirements.txt"
  if ! "$SMSAUTH_ROOT/.venv-deploy/bin/actionlint" -no-color "$SMSAUTH_ROOT/deploy/github-actions/smsauth.yml" >&2; then
    log "actionlint deploy/github-actions/smsauth.yml failed"
    return 1
  fi
  log "deploy kit: systemd unit and workflow verified"
}

# The emulator settings of the end-to-end suite (scripts/test): IAM changes reach Cognito 1.5 s after they are made,
# as AWS propagates them eventually, and the account's SMS spending quota is US$100, as after an approved increase
# (a new account's is US$1). Tests that need another behaviour set it for their own access key or region.
SUITE_EMULATOR_ARGUMENTS=(--sms-role-propagation-seconds 1.5 --sms-spend-quota-usd 100)

# Picks a free TCP port on 127.0.0.1.
# A loopback port free a moment ago (scripts/free_port.py: below Linux's ephemeral range).
free_port() {
  python3 "$SMSAUTH_ROOT/scripts/free_port.py"
}

# Starts the emulator on a free loopback port; sets EMULATOR_PID and exports SMSAUTH_EMULATOR_URL, and
# SMSAUTH_EMULATOR_PYTHON for the tests that start an emulator of their own. Arguments go to server.py (e.g.
# `--sms-role-propagation-seconds 1.5`, `--page-size 1`). Its log is EMULATOR_LOG (default .build/emulator.log;
# the benchmarks keep theirs in their work folder, so that a benchmark does not overwrite a test run's).
start_emulator() {
  local port; port=$(free_port)
  local tls_port; tls_port=$(free_port)
  export SMSAUTH_EMULATOR_PYTHON="$EMULATOR_PYTHON"
  local logfile="${EMULATOR_LOG:-$SMSAUTH_ROOT/.build/emulator.log}"
  mkdir -p "$SMSAUTH_ROOT/.build"
  ensure_test_ca
  "$EMULATOR_PYTHON" "$SMSAUTH_ROOT/scripts/emulator/server.py" --host 127.0.0.1 --port "$port" \
    --tls-port "$tls_port" --tls-cert "$TEST_CA_DIR/server.pem" --tls-key "$TEST_CA_DIR/server.key" "$@" >"$logfile" 2>&1 &
  EMULATOR_PID=$!
  export SMSAUTH_EMULATOR_URL="http://127.0.0.1:$port"
  # The same emulator over HTTPS, its certificate signed by the test CA (SMSAUTH_TEST_CA_BUNDLE).
  export SMSAUTH_EMULATOR_TLS_URL="https://127.0.0.1:$tls_port"
  export SMSAUTH_TEST_CA_BUNDLE="$TEST_CA_DIR/ca.pem"
  for _ in $(seq 1 150); do
    if curl -fsS "$SMSAUTH_EMULATOR_URL/_smsauth/health" >/dev/null 2>&1; then
      log "emulator ready at $SMSAUTH_EMULATOR_URL (pid $EMULATOR_PID, log $logfile)"
      return 0
    fi
    if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then break; fi
    sleep 0.2
  done
  log "emulator did not start; its log:"
  cat "$logfile" >&2
  return 1
}

# Makes, once, a test certificate authority and a certificate it signed for 127.0.0.1 and localhost (valid 30 days)
# in .build/test-ca/, for the emulator's HTTPS listener; sets TEST_CA_DIR. Nothing outside .build trusts it.
ensure_test_ca() {
  TEST_CA_DIR="$SMSAUTH_ROOT/.build/test-ca"
  if [ -s "$TEST_CA_DIR/server.pem" ] && openssl x509 -checkend 86400 -noout -in "$TEST_CA_DIR/server.pem" >/dev/null 2>&1; then
    return 0
  fi
  mkdir -p "$TEST_CA_DIR"
  (
    cd "$TEST_CA_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj "/CN=smsauth test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 \
      -extfile server.ext 2>/dev/null
  )
}

# Stops the emulator started by start_emulator (by its PID).
stop_emulator() {
  if [ -n "${EMULATOR_PID:-}" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null
    wait "$EMULATOR_PID" 2>/dev/null
  fi
  EMULATOR_PID=
}
