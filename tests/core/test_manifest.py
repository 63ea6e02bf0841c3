"""sources.toml manifests label articles; bad manifests are reported, not fatal."""

from __future__ import annotations

from reader.library import load_library


def test_manifest_labels_files_and_defaults(tmp_path):
    (tmp_path / "a.txt").write_text("Headline A\n\nFirst paragraph of story A is here.\n")
    (tmp_path / "b.txt").write_text("Headline B\n\nFirst paragraph of story B is here.\n")
    (tmp_path / "sources.toml").write_text(
        '[defaults]\noutlet = "Example Times"\n\n'
        '[files."b.txt"]\noutlet = "Reuters"\nurl = "https://example.org/b"\ndate = "2020-02-21"\n'
    )
    lib = load_library([str(tmp_path)])
    by_name = {a.name: a for a in lib.articles}
    assert by_name["a.txt"].outlet == "Example Times"
    assert by_name["b.txt"].outlet == "Reuters"
    assert by_name["b.txt"].url == "https://example.org/b"
    assert by_name["b.txt"].date == "2020-02-21"
    assert lib.errors == []


def test_manifest_found_for_a_single_file(tmp_path):
    (tmp_path / "a.txt").write_text("Headline A\n\nBody text of the story.\n")
    (tmp_path / "sources.toml").write_text('[files."a.txt"]\noutlet = "AFP"\n')
    lib = load_library([str(tmp_path / "a.txt")])
    assert lib.articles[0].outlet == "AFP"


def test_bad_manifest_is_one_error_and_files_still_load(tmp_path):
    (tmp_path / "a.txt").write_text("Headline A\n\nBody text of the story.\n")
    (tmp_path / "sources.toml").write_text("[files\nbroken = ")
    lib = load_library([str(tmp_path)])
    assert len(lib.articles) == 1
    assert len(lib.errors) == 1
    assert lib.errors[0].path.endswith("sources.toml")
    assert "TOML" in lib.errors[0].reason


def test_seed_manifest_names_outlets():
    from reader.library import default_paths

    lib = load_library(default_paths())
    outlets = {a.name[:3]: a.outlet for a in lib.articles}
    assert outlets["001"] == "Arab News"
    assert outlets["004"] == "Reuters"
    assert outlets["000"] == "Zaman Al Wasl"
    assert len(lib.articles) == 5 and lib.errors == []


def test_folder_with_bad_files_loads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Headline\n\nA real sentence of the story.\n")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.txt").write_text("")
    lib = load_library([str(tmp_path)])
    names = {a.name for a in lib.articles}
    assert "good.txt" in names
    assert sorted(e.path.rsplit("/", 1)[-1] for e in lib.errors) == ["bin.txt", "empty.txt"]
    assert all(e.reason for e in lib.errors)
