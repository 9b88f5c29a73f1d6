// Imaging: placeholder until the module lands.
enum ImagingModule {}
