"""virtstack: turn the YAML model in diagrams/ into diagrams and pages.

The pipeline, one module per step:

    load_documents   (load.py)            YAML files -> Documents with positions
    validate_model   (validate.py)        Documents  -> Model, or located Issues
    diagram_pages    (render_pages.py)    Model      -> the diagrams each page shows
    scenes           (views/, one module per kind)   -> what each picture shows, per variant
    measure_words    (measure.py)         texts      -> widths, from one Graphviz run
    layout_scene     (layout.py)          Scene      -> Layout (pure geometry)
    layout_to_dot    (draw.py)            Layout     -> DOT with every position pinned
    render_diagrams  (render_diagrams.py) SVG        -> SVG trimmed, named and linked
    render_pages     (render_pages.py)    Model      -> Markdown pages
    model_json       (export.py)          Model      -> model.json and its JSON Schema
    build            (pipeline.py)        all of the above -> {path: content}

Every page path, address, anchor and link comes from urls.py, the one place
that knows where things are published (the renderers, the registry in
addresses.py, the MkDocs hook and the Zensical build all ask it).

Only load.py reads the model, only graphviz_run.py starts a process, and
only write.py writes pages (cache.py keeps Graphviz's results in a folder of
its own, outside docs/); MkDocs gets the same output through
scripts/mkdocs_hooks.py, Zensical through `scripts/cli.py render`.

Beside the pipeline, for contributors: scaffold.py writes the entry
`scripts/cli.py new` appends to a model file (TODO in every field to write,
which validate.py refuses as `todo`), json_schema.py the editors' schemas,
and style_ru.py the Russian style sheet that `make check` holds every
Russian text to (STYLE.ru.md is its human side).
"""
