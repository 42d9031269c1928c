# Sourced by the bench scripts: `need COMMAND PACKAGE` installs the Debian
# package PACKAGE when COMMAND is missing (as root with apt-get), else
# returns 1 so that the caller can fall back or skip.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $2..."
    apt-get install -y -qq "$2" >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq "$2" >/dev/null)
  else
    return 1
  fi
}
