// PromptSyntax: placeholder until the module lands.
enum PromptSyntaxModule {}
