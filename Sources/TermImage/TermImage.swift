// TermImage: placeholder until the module lands.
enum TermImageModule {}
