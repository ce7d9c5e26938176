from irkg.cli import run

run()
