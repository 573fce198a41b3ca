"""The site stage of the build: page models, URLs, the page list, the Jinja environment and the theme.

Importing this package is cheap (no Jinja): a build with nothing to do only needs `THEME`.
"""

from pathlib import Path

THEME = Path(__file__).parent / "theme"
"""The built-in theme: templates/ and static/, used after the project's own templates."""
