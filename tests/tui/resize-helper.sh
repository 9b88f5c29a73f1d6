#!/usr/bin/env bash
# Runs beside easel inside tmux-drive's pane and resizes the tmux window (with the server's own
# client, found through $TMUX) when the screen reaches each stage of resize.drive.
set -u
screen() { tmux capture-pane -p; }
wait_for() { for _ in $(seq 300); do screen | grep -Eq -- "$1" && return 0; sleep 0.1; done; return 1; }
wait_for 'Parameters' || exit 1
sleep 0.3
tmux resize-window -x 50 -y 14                      # compact: one pane at a time
# The compact grid shows only until resize.drive sees it and presses Tab, which can be too
# short for this loop to catch on a loaded machine: wait for the stage after it.
wait_for '^╭─ Parameters ─+╮$' || exit 1            # after Tab
sleep 1
tmux resize-window -x 36 -y 8                       # too small: a message
wait_for 'Easel needs a terminal' || exit 1
sleep 3                                             # hold the stage so the script sees it
tmux resize-window -x 120 -y 32                     # back to the full layout
