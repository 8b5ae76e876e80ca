"""virtstack: turn the YAML model in diagrams/ into diagrams and pages.

The pipeline, one module per step:

    load_documents   (load.py)            YAML files -> Documents with positions
    validate_model   (validate.py)        Documents  -> Model, or located Issues
    render_diagrams  (render_diagrams.py) Model      -> DOT text -> SVG (runs `dot`)
    render_pages     (render_pages.py)    Model      -> Markdown pages
    build            (pipeline.py)        all of the above -> {path: content}

Only load.py reads files, only render_diagrams.dot_to_svg starts a process,
and only write.py writes; MkDocs gets the same output through
scripts/mkdocs_hooks.py.
"""
