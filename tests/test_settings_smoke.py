from hygiene.settings import load_settings


def test_defaults_load_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    settings = load_settings()
    assert settings.graph.max_concurrency == 4
    assert settings.records.backend == "folder"
