"""The engine relies on polars' three-valued logic; these tests pin the behaviour it uses."""

import polars as pl


def test_and_or_follow_kleene_logic():
    # given
    frame = pl.DataFrame(
        {"a": [True, False, None, None, None], "b": [None, None, True, False, None]},
        schema={"a": pl.Boolean, "b": pl.Boolean},
    )

    # when
    out = frame.select(
        both=pl.col("a") & pl.col("b"),
        either=pl.col("a") | pl.col("b"),
        all_=pl.all_horizontal("a", "b"),
        any_=pl.any_horizontal("a", "b"),
    )

    # then
    assert out["both"].to_list() == [None, False, None, False, None]
    assert out["either"].to_list() == [True, None, True, None, None]
    assert out["all_"].to_list() == out["both"].to_list()
    assert out["any_"].to_list() == out["either"].to_list()


def test_min_horizontal_ignores_nulls_so_an_inapplicable_cap_is_null():
    # when
    out = pl.select(m=pl.min_horizontal(pl.lit(3), pl.lit(None, dtype=pl.Int8), pl.lit(2)))

    # then
    assert out["m"].to_list() == [2]
