#!/usr/bin/env bash
# Issue 17, items 6 and 7, through a real tmux (tmux-drive has no paste and cannot kill its
# own server). Usage: tests/tui/paste-hangup.sh PATH/TO/easel [PASTE_KB]
# - paste: a bracketed paste of PASTE_KB (default 70) KB into a grid field must be taken in
#   within 5 s, cut at the 32 KiB prompt-text limit with a message, and Ctrl-Q must still quit.
# - hangup: killing the tmux server (the pty goes, SIGHUP) must end easel within 2 s; so must
#   the pty going without SIGHUP (easel under setsid: end of file and POLLHUP only).
# Prints "ok NAME seconds" or "FAIL NAME …"; exits 1 if any failed.
set -u
easel=${1:?usage: tests/tui/paste-hangup.sh PATH/TO/easel [PASTE_KB]}
kb=${2:-70}
work=$(mktemp -d)
sock="$work/sock"
t() { tmux -u -S "$sock" "$@"; }
trap 't kill-server 2>/dev/null; rm -rf "$work"' EXIT
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in *[Uu][Tt][Ff]-8*|*utf8*) ;; *) export LC_ALL=C.UTF-8 ;; esac
failures=0
now() { date +%s.%N; }
# alive PID: running, not a zombie (a dead easel stays a zombie until its parent, the tmux
# server being killed, or init reaps it; kill -0 would still succeed).
alive() { [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* (.*) Z ' "/proc/$1/stat" 2>/dev/null; }
screen() { t capture-pane -p -t s; }
wait_for() {  # wait_for REGEX SECS
  local end=$(( $(date +%s) + $2 ))
  until screen 2>/dev/null | grep -Eq -- "$1"; do [ "$(date +%s)" -lt "$end" ] || return 1; sleep 0.05; done
}
starts=0
start() {  # start [setsid]: with setsid the pty is not easel's controlling terminal, so no SIGHUP comes
  # A new socket each time: a server just killed may still hold the old one, and a session
  # started on it would vanish with it ("no workbench", seen once).
  starts=$((starts + 1)); sock="$work/sock.$starts"
  echo 'set -g default-terminal screen-256color' >"$work/conf"
  rm -f "$work/pid"
  local wrap=(); [ "${1:-}" = setsid ] && wrap=(setsid -w)
  t -f "$work/conf" new-session -d -s s -x 120 -y 36 -- \
    "${wrap[@]}" sh -c 'echo $$ >"$0"; exec env XDG_CONFIG_HOME="$1" "$2"' "$work/pid" "$work/config" "$easel"
  wait_for 'Prompt grid' 60 || { echo "FAIL start: no workbench"; screen; exit 1; }
  pid=$(cat "$work/pid")
}

start
python3 -c "import sys; sys.stdout.write(('red heart, blue sky, ' * 100000)[:$kb * 1024])" >"$work/paste.txt"
t load-buffer "$work/paste.txt"
began=$(now)
t paste-buffer -p -t s
if wait_for 'Paste cut' 60; then
  took=$(echo "$(now) - $began" | bc)
  if (( $(echo "$took < 5" | bc) )); then echo "ok paste $took"; else echo "FAIL paste: took $took s"; failures=$((failures + 1)); fi
else
  echo "FAIL paste: no 'Paste cut' message after 60 s"; screen | tail -3; failures=$((failures + 1))
fi
t send-keys -t s C-q
end=$(( $(date +%s) + 5 ))
while alive "$pid" && [ "$(date +%s)" -lt "$end" ]; do sleep 0.05; done
if alive "$pid"; then echo "FAIL paste-quit: still running after Ctrl-Q"; kill -9 "$pid"; failures=$((failures + 1)); else echo "ok paste-quit"; fi
t kill-server 2>/dev/null

hangup() {  # hangup NAME [setsid]
  start "${2:-}"
  began=$(now)
  t kill-server
  while alive "$pid"; do
    if (( $(echo "$(now) - $began > 2" | bc) )); then break; fi
    sleep 0.02
  done
  took=$(echo "$(now) - $began" | bc)
  if alive "$pid"; then
    echo "FAIL $1: easel (pid $pid) still running $took s after the tmux server was killed"
    kill -9 "$pid" 2>/dev/null; failures=$((failures + 1))
  else
    echo "ok $1 $took"
  fi
}
# With SIGHUP (easel is the session leader), and without it: the terminal's end of file and
# POLLHUP alone must end it.
hangup hangup
hangup hangup-no-signal setsid
[ "$failures" = 0 ]
