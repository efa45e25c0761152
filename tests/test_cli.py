from kiemdiem.cli import COMMANDS, main


def test_help_lists_every_subcommand(capsys):
    # when
    status = main(["--help"])
    # then
    out = capsys.readouterr().out
    assert status == 0
    for name in COMMANDS:
        assert f"  {name} " in out
