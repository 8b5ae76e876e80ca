#!/bin/sh
# Install the Debian/Ubuntu packages a make target needs, only when missing.
#   python  the venv module for the system Python
#   build   Graphviz (dot) and the DejaVu font the diagrams are measured with
#   test    build, plus Chromium for the browser tests
#   node    Node.js and npm, for the pinned browser libraries
set -eu

need=""
has_command() { command -v "$1" >/dev/null 2>&1; }
want() { need="$need $1"; }

case "${1:-build}" in
  python)
    "${PYTHON:-python3}" -c "import ensurepip, venv" 2>/dev/null || want python3-venv ;;
  node)
    has_command npm || want "nodejs npm" ;;
  build|test)
    has_command dot || want graphviz
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || want fonts-dejavu-core ;;
  *) echo "usage: $0 python|build|test|node" >&2; exit 2 ;;
esac
if [ "${1:-}" = test ] && ! has_command chromium && ! has_command chromium-browser && ! has_command google-chrome; then
  # Debian packages Chromium as "chromium"; Ubuntu as "chromium-browser".
  if grep -qs '^ID=ubuntu' /etc/os-release; then want chromium-browser; else want chromium; fi
fi
[ -z "$need" ] && exit 0

if ! has_command apt-get; then
  echo "error: missing system packages:$need (install them with your package manager)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "Installing system packages:$need"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need
