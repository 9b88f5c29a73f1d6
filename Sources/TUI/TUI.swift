// TUI: placeholder until the module lands.
enum TUIModule {}
