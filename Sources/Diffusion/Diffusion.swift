// Diffusion: placeholder until the module lands.
enum DiffusionModule {}
