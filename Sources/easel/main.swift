import EaselCLI

Easel.main()
