// Tokenizer: placeholder until the module lands.
enum TokenizerModule {}
