"""`mkdocs serve` with every edition: what the hook does beyond handing files over.

MkDocs builds one config at a time; the Russian edition is its own build
(mkdocs.ru.yml) published under /ru/. `mkdocs build` runs each config
separately (make build). `mkdocs serve` serves one, so after each build of
the English edition the other editions are built into its site_dir, and
their language-menu links are pointed at the address actually served. When
the model breaks, serve keeps the last good pages and shows the problems at
the top of each, until the model is fixed.
"""

import os
import re
from html import escape

from mkdocs.commands.build import build
from mkdocs.config import load_config

from virtstack.urls import edition_root
from virtstack.words import LABELS
from virtstack.schema import LANGUAGES

# Every edition but the English one: its config, built into /<lang>/ of the site.
EDITIONS = {lang: f"mkdocs.{lang}.yml" for lang in LANGUAGES[1:]}


def edition_url(root: str, lang: str) -> str:
    """Return an edition's address from the site's root address: root for English, root + 'ru/' for Russian."""
    return root + edition_root(lang).lstrip("/")


def point_alternates_at(config):
    """Point the language menu and hreflang links at the served address, whatever the port; return config."""
    root = config.site_url.removesuffix(edition_url("", config.theme["language"]))
    for alternate in config.extra.get("alternate", []):
        alternate["link"] = edition_url(root, alternate["lang"])
    return config


def build_other_editions(config) -> None:
    """After the English edition is built, build every other edition into /<lang>/ of its site_dir."""
    if config.theme["language"] in EDITIONS:
        return
    folder = os.path.dirname(config.config_file_path)
    for lang, config_file in EDITIONS.items():
        edition = load_config(os.path.join(folder, config_file), site_dir=os.path.join(config.site_dir, lang),
                              site_url=edition_url(config.site_url, lang))
        for hook in edition.hooks.values():  # loaded afresh with the edition's config: tell it this is serve
            if hasattr(hook, "on_startup"):
                hook.on_startup(command="serve", dirty=False)
        build(edition)


def with_problems(html: str, problems: list[str], lang: str) -> str:
    """Return a served page with the model's problems, one issue line each, at the top of its body."""
    lines = "\n".join(escape(line) for line in problems)
    banner = (f'<div class="vs-model-problems" role="alert"><p>{escape(LABELS[lang]["model-problems"])}</p>'
              f"<pre>{lines}</pre></div>")
    return re.sub(r"<body[^>]*>", lambda body: body[0] + banner, html, count=1)
