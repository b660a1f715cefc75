"""Clinic settings: defaults until saved, then exactly what was saved, judgement calls included."""

from __future__ import annotations

from dataclasses import replace

from app.storage.settings import ClinicSettings, load_settings, save_settings


def test_settings_default_until_saved_then_round_trip(store):
    assert load_settings(store.db) == ClinicSettings()
    chosen = ClinicSettings(examiner_name="Sam Taylor", profession="Physiotherapist",
                            registration="PH123", clinic_name="Riverside",
                            clinic_address="1 Road\nTown", clinic_phone="01632 960 000")
    chosen = replace(chosen, judgement=replace(chosen.judgement, ankle_reflex_age_threshold=70))
    save_settings(store.db, chosen)
    assert load_settings(store.db) == chosen
    assert chosen.examiner().name == "Sam Taylor"
