// RenderSettings: placeholder until the module lands.
enum RenderSettingsModule {}
