import EaselCLI

Easel.runFromCommandLine()
