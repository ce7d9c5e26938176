"""Dictionary loading: validation, merging by id, user directories, the cache."""

from __future__ import annotations

import pytest

from irkg.errors import InputError
from irkg.loaders.dictionaries import build_dictionaries, dictionary_files, expand_adjective, load_dictionaries
from irkg.schema.graph import ActorType


@pytest.fixture(scope="module")
def dicts():
    return load_dictionaries()


def test_every_state_is_present_with_an_arabic_name(dicts):
    states = [a for a in dicts.actors.values() if a.type == ActorType.STATE and not a.historical]
    assert len(states) >= 240
    assert all(a.name_ar for a in states)


def test_curated_entries_merge_into_generated_states(dicts):
    iran = dicts.actors["iran"]
    assert iran.iso3 == "IRN"  # from the generated file
    assert "طهران" in iran.metonyms and "إيراني" in iran.adjectives  # from actors.yaml
    assert dicts.actors["turkey"].name_en == "Turkey" and "Türkiye" in dicts.actors["turkey"].aliases


def test_persons_carry_dated_roles(dicts):
    araghchi = dicts.actors["abbas_araghchi"]
    fm = [r for r in araghchi.roles if r.role == "foreign_minister"]
    assert fm and fm[0].state == "iran" and fm[0].from_.startswith("2024")
    assert dicts.actors["vladimir_putin"].country == "russia"


def test_lookup_finds_variants_in_any_script(dicts):
    for name in ("بزشكيان", "بيزشكيان", "پزشکیان", "Pezeshkian"):
        assert dicts.find_actor(name).id == "masoud_pezeshkian", name
    assert dicts.find_actor("عراقچی").id == "abbas_araghchi"
    assert dicts.find_actor("Türkiye").id == "turkey"


def test_items_topics_places_are_loaded(dicts):
    assert dicts.items["s400"].topics == ["arms"]
    assert "sanctions" in dicts.topics
    assert dicts.places["moscow"].state == "russia"


def test_adjective_base_expands_to_inflected_forms():
    forms = expand_adjective("روسي")
    assert {"روسي", "روسيه", "روسيون", "روسيين"} <= set(forms)
    assert expand_adjective("Russian") == ["Russian"]


def test_user_directory_adds_an_actor_and_an_alias(tmp_path, monkeypatch):
    (tmp_path / "local.yaml").write_text(
        "actors:\n"
        "- {id: zorvan_kel, type: person, name_en: Zorvan Kel, name_ar: زورفان كيل, country: iran}\n"
        "- {id: iran, aliases: [بلاد فارس الحديثة]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("IRKG_DICTIONARIES", str(tmp_path))
    d = load_dictionaries()
    assert d.find_actor("زورفان كيل").id == "zorvan_kel"
    assert d.find_actor("بلاد فارس الحديثة").id == "iran"
    assert "Islamic Republic of Iran" in d.actors["iran"].aliases  # generated alias kept


def test_malformed_entry_names_file_and_id(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n- {id: qx_person, type: wizard, name_en: Q}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml.*qx_person"):
        build_dictionaries(dictionary_files([bad]))


def test_entry_without_id_is_rejected(tmp_path):
    bad = tmp_path / "noid.yaml"
    bad.write_text("items:\n- {type: weapon, name_en: Thing}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"noid\.yaml"):
        build_dictionaries(dictionary_files([bad]))


def test_unknown_state_reference_is_rejected(tmp_path):
    bad = tmp_path / "ref.yaml"
    bad.write_text("actors:\n- {id: ab_cd, type: person, name_en: Ab Cd, country: atlantis}\n", encoding="utf-8")
    with pytest.raises(InputError, match="atlantis"):
        build_dictionaries(dictionary_files([bad]))


def test_yaml_syntax_error_is_an_input_error(tmp_path):
    bad = tmp_path / "syntax.yaml"
    bad.write_text("actors: [\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"syntax\.yaml"):
        build_dictionaries(dictionary_files([bad]))


def test_missing_extra_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        dictionary_files([tmp_path / "nowhere"])


def test_load_is_cached(dicts):
    assert load_dictionaries() is dicts


def test_ids_are_unique_across_dictionaries(tmp_path):
    clash = tmp_path / "clash.yaml"
    clash.write_text("topics:\n- {id: iran, name_en: Iran topic}\n", encoding="utf-8")
    with pytest.raises(InputError, match="iran.*already used"):
        build_dictionaries(dictionary_files([clash]))


def test_role_organization_must_exist(tmp_path):
    bad = tmp_path / "org.yaml"
    bad.write_text("actors:\n- {id: ab_cd, type: person, name_en: Ab Cd, roles: [{role: head, org: nowhere_org}]}\n", encoding="utf-8")
    with pytest.raises(InputError, match="nowhere_org"):
        build_dictionaries(dictionary_files([bad]))


def test_roles_at_a_date(dicts):
    assert [r.role for r in dicts.roles_at("vladimir_putin", "2010-03")] == ["prime_minister"]
    assert [r.role for r in dicts.roles_at("abbas_araghchi", "2025")] == ["foreign_minister"]
    assert {r.role for r in dicts.roles_at("sergei_shoigu", "2024")} == {"defence_minister", "security_council_secretary"}
    assert dicts.roles_at("nobody_here", "2020") == []


def test_state_of(dicts):
    assert dicts.state_of("abbas_araghchi") == "iran"
    assert dicts.state_of("russia") == "russia"
    assert dicts.state_of("nato") is None
