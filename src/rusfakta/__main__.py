from rusfakta.cli import main

main()
