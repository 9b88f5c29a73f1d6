// TUICore: placeholder until the module lands.
enum TUICoreModule {}
