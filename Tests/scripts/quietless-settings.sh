# Sourced by the shell tests that wait for a reminder. quietless_settings writes $HOME's spasm
# settings under which an episode's ice comes at once and alone at any hour of any day: no quiet
# hours (22:00-07:30 by default would hold it till morning), no PT times (one due would share its
# notification), and the weekly check-in three days away.
quietless_settings() {
    mkdir -p -m 700 "$HOME/.config/spasm"
    cat > "$HOME/.config/spasm/config.toml" <<CONF
[reminders]
quiet_start = "00:00"
quiet_end = "00:00"
checkin_weekday = "$(LC_ALL=C date -u -d '+3 days' +%a | tr 'A-Z' 'a-z')"
[pt]
weekdays = []
CONF
    chmod 600 "$HOME/.config/spasm/config.toml"
}
