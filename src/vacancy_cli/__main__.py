"""`python -m vacancy_cli`."""

from vacancy_cli.cli.entry import main

main()
