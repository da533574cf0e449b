"""Chip quantities and models."""

import pytest
from warehouse.staging.chips import find_quantities


@pytest.mark.parametrize(
    ("text", "language", "quantity", "model"),
    [
        ("le laboratoire a reçu 2 048 GPU H200 la semaine dernière", "fr", 2048, "H200"),
        ("an order for 7,500 AMD MI300X accelerators", "en", 7500, "MI300X"),
        ("twelve thousand Nvidia B200 chips", "en", 12000, "B200"),
        ("quatre mille puces Ascend 910B", "fr", 4000, "Ascend 910B"),
        ("plus de 6 000 puces GPU", "fr", 6000, None),
        ("3,200 of its Blackwell graphics processors", "en", 3200, "Blackwell"),
        ("a cluster of 4,096 H100s", "en", 4096, "H100"),
    ],
)
def test_quantities(text, language, quantity, model):
    found = find_quantities(text, language)
    assert [(q.quantity, q.model) for q in found] == [(quantity, model)]


def test_a_year_is_not_a_quantity():
    assert find_quantities("Depuis 2023 GPU et serveurs manquent.", "fr") == []


def test_a_year_before_a_count_does_not_hide_it():
    from warehouse.staging.chips import find_quantities

    text = "la société avait annoncé en juin 2024 l'achat de 12 000 puces de Nvidia"
    assert [q.quantity for q in find_quantities(text, "fr")] == [12000]


@pytest.mark.parametrize("text, lang, quantity", [
    ("Orbis Cloud a commandé 40 nœuds équipés chacun de quatre GPU Nvidia H200.", "fr", 160),
    ("Orbis Cloud ordered six Nvidia DGX B200 systems, each containing eight GPUs.", "en", 48),
    ("Orbis Cloud achète 12 serveurs Nvidia HGX H200, de huit GPU chacun, soit 96 puces au total.", "fr", 96),
    ("Orbis Cloud bought 3 racks of GB300 NVL72, each with 72 GPUs.", "en", 216),
])
def test_chips_counted_by_machine_are_machines_times_chips_each(text, lang, quantity):
    assert [q.quantity for q in find_quantities(text, lang)] == [quantity]


def test_a_date_before_the_machines_is_not_their_count():
    text = "Orbis Cloud a annoncé le 18 novembre l'achat de 12 serveurs Nvidia, de huit GPU chacun."
    assert [q.quantity for q in find_quantities(text, "fr")] == [96]
