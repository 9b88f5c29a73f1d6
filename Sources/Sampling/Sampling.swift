// Sampling: placeholder until the module lands.
enum SamplingModule {}
