// PromptKit: placeholder until the module lands.
enum PromptKitModule {}
