// SafeTensors: placeholder until the module lands.
enum SafeTensorsModule {}
